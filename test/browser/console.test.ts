/**
 * Issue #20: the web console in real Chromium against the local runtime — sign-in through the
 * development issuer (authorization code + PKCE), the ministry's archive with the SHA-256 checked
 * in the page, a council member kept to its own government, keyboard-only use, and a screenshot of
 * each role's home page (.data/screenshots/console-*.png).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveReport } from '#shared/application/settlement/archive-report.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import { SCREENSHOTS, settled, signIn as signInAs, startConsoleRig, twoGovernmentBudgets } from '#test/browser/support/console.ts';
import type { ConsoleRig } from '#test/browser/support/console.ts';
import { useTestStack } from '#test/support/stack.ts';

/** page.evaluate() callbacks run in the browser; the project compiles without the DOM library. */
declare const document: { readonly activeElement: { id: string; textContent: string | null; tagName: string } | null };

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-console-'));
const YEAR = 2026;
let rig: ConsoleRig;

/** The golden year's 종로구 세입세출결산 (2025), archived by the use case the year-end closing calls. */
const settlement = renderReport(
  budgetSettlement(
    '11110',
    2025,
    [
      {
        lineId: 'E.GEN.P01.U01.D001.201-01',
        kind: 'expenditure',
        fund: 'GEN',
        itemCode: '201-01',
        dept: 'D100',
        budget: 1_000_000,
        carryIn: 0,
        committed: 900_000,
        paid: 700_000,
        assessed: 0,
        received: 0,
        refunded: 0,
      },
    ],
    [],
    { GEN: '일반회계' },
  ),
);
const file = (name: string) => settlement.files.find((f) => f.file === name)!;

beforeAll(async () => {
  await archiveReport(settlement, new Date());
  await twoGovernmentBudgets(YEAR);
  rig = await startConsoleRig(dataDir);
});
afterAll(async () => {
  await rig?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const signIn = (role: string, gov?: string): Promise<Page> => signInAs(rig.browser, rig.runtime.url, role, gov);

/** The archive list, filtered by year and government, from the form. */
async function listArchives(page: Page): Promise<void> {
  await page.locator('#archive-year').fill('2025');
  await page.locator('#archive-gov').fill('11110');
  await page.getByRole('button', { name: '조회' }).click();
  await page.locator('#archive-list').waitFor();
}

describe('the web console in a real browser', () => {
  it('the ministry opens an archived 세입세출결산: manifest and report verified in the page (SHA-256), tables exact, the XLSX downloaded verified', async () => {
    const page = await signIn('ministry');
    expect(page.url()).toMatch(/#\/ministry$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await settled(page);
    await page.locator('#execution-rates canvas').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/console-ministry.png` });

    await listArchives(page);
    await page.getByRole('link', { name: '세입세출결산 2025' }).click();
    await page.locator('#report-tables [data-verified]').waitFor();
    expect(await page.locator('#manifest [data-verified]').first().textContent()).toBe('SHA-256 확인됨 · SHA-256 verified');
    expect(await page.locator('#report-tables [data-verified]').textContent()).toBe('SHA-256 확인됨 · SHA-256 verified');
    expect(await page.locator('#report-title').textContent()).toBe('서울특별시 종로구 (11110) 2025회계연도 세입세출결산 — 2025');
    // the manifest lists every file with the SHA-256 the archive recorded
    for (const f of settlement.files) await expect.poll(() => page.getByText(f.sha256).count()).toBe(1);
    // the 세출결산 from report.json: every column, exact amounts, the names report.json carries beside the codes
    const expenditure = page.locator('table[data-table="expenditure"]');
    const firstRow = await expenditure.locator('tbody tr').first().locator('td').allTextContents();
    expect(firstRow.slice(0, 2)).toEqual(['GEN', '일반회계']);
    expect(firstRow).toEqual(expect.arrayContaining(['201-01', '사무관리비']));
    expect(await expenditure.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['회계명', '통계목명']));
    expect(await expenditure.locator('tbody td.won').allTextContents()).toEqual(
      expect.arrayContaining(['1,000,000', '900,000', '700,000', '300,000']),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/console-archive-report.png`, fullPage: false });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'report.xlsx 내려받기 (SHA-256 확인 후)' }).click(),
    ]);
    const saved = await readFile((await download.path()) ?? '');
    expect(createHash('sha256').update(saved).digest('hex')).toBe(file('report.xlsx').sha256);
    expect(download.suggestedFilename()).toBe('11110-2025-budget-settlement-2025-report.xlsx');
    await page.close();
  });

  it('a copy changed on its way to the page is shown as a SHA-256 mismatch, and its tables are not shown', async () => {
    const page = await signIn('ministry');
    // Bytes altered between the archive and the browser (a proxy, a broken cache): the page's own check must catch it.
    await page.route('**/_archive/**/report.json?*', async (route) => {
      const original = await route.fetch();
      const body = (await original.text()).replace('700000', '900000');
      await route.fulfill({ response: original, body });
    });
    await listArchives(page);
    await page.getByRole('link', { name: '세입세출결산 2025' }).click();
    const badge = page.locator('#report-tables [data-verified]');
    await badge.waitFor();
    expect(await badge.getAttribute('data-verified')).toBe('false');
    expect(await badge.textContent()).toMatch(/^SHA-256 불일치 · SHA-256 mismatch \(기대 [0-9a-f]{12}…, 받은 파일 [0-9a-f]{12}…\)$/);
    expect(await page.locator('#report-tables table').count()).toBe(0);
    // the manifest itself came through untouched
    expect(await page.locator('#manifest [data-verified]').first().getAttribute('data-verified')).toBe('true');
    await page.close();
  });

  it('a council member sees its own government, and another government’s page only as the API’s 403, with no data', async () => {
    const page = await signIn('council_member', '11110');
    expect(page.url()).toMatch(/#\/government\/11110$/);
    await settled(page);
    await page.locator('#execution canvas').waitFor();
    expect(await page.locator('#execution .figures').textContent()).toContain('세출 예산액50,000,000원');
    expect(await page.locator('#execution tbody td.won').allTextContents()).toEqual(expect.arrayContaining(['30,000,000', '20,000,000']));
    await page.screenshot({ path: `${SCREENSHOTS}/console-council.png` });

    await page.goto(`${rig.runtime.url}/console/#/government/11140`);
    const refused = page.locator('#government-home .problem');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^이 자료를 볼 권한이 없습니다 — 403 /);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main canvas').count()).toBe(0);
    await page.close();
  });

  it('the ministry home is usable from the keyboard alone: the archive list filtered, a report opened and verified', async () => {
    const page = await signIn('ministry');
    await settled(page);
    const focused = () =>
      page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id || document.activeElement?.textContent}`);
    // the page's heading has the focus after navigation; the next stop is the archive form
    expect(await focused()).toBe('H1 행정안전부 — 2026회계연도');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('INPUT archive-year');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2025');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('INPUT archive-gov');
    await page.keyboard.type('11110');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('SELECT archive-report');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON 조회');
    await page.keyboard.press('Enter');
    await page.locator('#archive-list').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('A 세입세출결산 2025');
    await page.keyboard.press('Enter');
    await page.locator('#report-tables [data-verified="true"]').waitFor();
    expect(await focused()).toBe('H1 report-title');
    await page.close();
  });

  it('officials and residents land on their own home pages', async () => {
    const official = await signIn('finance_officer', '11110');
    expect(official.url()).toMatch(/#\/execution\/11110$/);
    await settled(official);
    expect(await official.locator('#by-department table').textContent()).toContain('D200');
    await official.screenshot({ path: `${SCREENSHOTS}/console-official.png` });
    await official.close();

    const resident = await signIn('resident', '11110');
    // A resident's government is their approved enrolment, not the token's: they land on their own page.
    expect(resident.url()).toMatch(/#\/resident$/);
    await resident.goto(`${rig.runtime.url}/console/#/public/11110`);
    await settled(resident);
    expect(await resident.locator('#budget-summary table').first().textContent()).toContain('50,000,000');
    await resident.screenshot({ path: `${SCREENSHOTS}/console-resident.png` });
    await resident.close();
  });
});
