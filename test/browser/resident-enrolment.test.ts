/**
 * Issue #19, finding 10: a resident signs in to the console with the residents' sign-in (the
 * development issuer locally; their own user pool on AWS), sees that they belong to no government,
 * asks to be enrolled, and once the government's 예산부서 has approved after the identity check,
 * sees their government (real Chromium against the local runtime).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideResidentEnrolment } from '#shared/routes/registry.ts';
import { SCREENSHOTS, settled, startConsoleRig } from '#test/browser/support/console.ts';
import type { ConsoleRig } from '#test/browser/support/console.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-resident-'));
let rig: ConsoleRig;

beforeAll(async () => {
  rig = await startConsoleRig(dataDir);
});
afterAll(async () => {
  await rig?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** The residents' sign-in button, then the development issuer's page as a resident with this user id. */
async function residentSignIn(sub: string): Promise<Page> {
  const page = await rig.browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(`${rig.runtime.url}/console/`);
  await page.getByRole('button', { name: '주민 로그인 (개발용)' }).click();
  await page.waitForURL(/\/dev-issuer\/authorize\?/);
  await page.getByLabel('역할').selectOption('resident');
  await page.getByLabel(/사용자 ID/).fill(sub);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await page.waitForURL(/\/console\/#\/resident$/);
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
  await settled(page);
  return page;
}

describe("the residents' sign-in page", () => {
  it('shows a new resident no government, takes the request, and shows the government once approved', async () => {
    const page = await residentSignIn('res-browser');
    const body = page.locator('#enrolment');
    expect(await body.textContent()).toContain('없음 (등록 승인 전)');

    await page.getByLabel(/사는 지방자치단체 코드/).fill('11110');
    await page.getByRole('button', { name: '등록 신청' }).click();
    const pending = page.locator('#enrolment-pending');
    await pending.waitFor();
    const enrolmentId = (await pending.locator('code').textContent()) ?? '';
    expect(enrolmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pending.textContent()).toContain('심사 중: 11110');
    await page.screenshot({ path: `${SCREENSHOTS}/console-resident-enrolment.png` });

    // The 예산부서 of 종로구 approves after the identity check (its transaction reference only).
    const approved = await callRoute(decideResidentEnrolment, {
      caller: { sub: 'bo-11110', roles: ['budget_officer'], gov: '11110' },
      params: { gov: '11110', enrolmentId },
      body: { outcome: 'approve', identityCheckReference: 'PASS-20261130-000777' },
    });
    expect(approved.status).toBe(200);

    await page.reload();
    await page.locator('#enrolment-last').waitFor();
    await settled(page);
    expect(await body.textContent()).toContain('소속 자치단체11110');
    expect(await page.locator('#enrolment-last').textContent()).toContain('11110 승인');
    expect(await page.locator('#enrol-form').count()).toBe(1);
    expect(await page.getByRole('link', { name: '우리 자치단체의 공개 자료·주민참여예산' }).getAttribute('href')).toBe('#/public/11110');
    await page.close();
  });
});
