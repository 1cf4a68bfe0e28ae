/**
 * Issue #20: the console's national tile grid and 총계/순계 (ministry), the 예산서 by 분야 and 성질 with
 * its line page, and the homes of the 금고 and the 지방보조사업자, in real Chromium against the local
 * runtime. Screenshots go to .data/screenshots/console-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allotBudget } from '#shared/routes/budget.ts';
import { SCREENSHOTS, settled, signIn as signInAs, startConsoleRig, twoGovernmentBudgets } from '#test/browser/support/console.ts';
import type { ConsoleRig } from '#test/browser/support/console.ts';
import { callers } from '#test/integration/budget/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-console-pages-'));
const YEAR = 2026;
const LINE = 'E.GEN.P01.U01.D001.201-01';
let rig: ConsoleRig;

beforeAll(async () => {
  await twoGovernmentBudgets(YEAR);
  // 10,000,000 of the 30,000,000 line allotted: the line page shows budget, allotted and what is left.
  const allotted = await callRoute(allotBudget, {
    params: { gov: '11110', year: YEAR },
    body: { lineId: LINE, quarter: 4, amount: 10_000_000, kind: 'regular', reference: 'A-CONSOLE' },
    caller: callers('11110').budgetOfficer,
  });
  expect(allotted.status, JSON.stringify(allotted.body)).toBe(201);
  rig = await startConsoleRig(dataDir);
});
afterAll(async () => {
  await rig?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const signIn = (role: string, gov?: string, sub?: string): Promise<Page> => signInAs(rig.browser, rig.runtime.url, role, gov, sub);

describe('the console pages of the ministry, the budget book, the 금고 and the 보조사업자', () => {
  it('the ministry sees the national 총계 and 순계, and a tile grid of the 17 시·도 and 226 시·군·구 by 집행률 or 채무비율 구분', async () => {
    const page = await signIn('ministry');
    await settled(page);
    const grossNet = page.locator('#gross-net tbody tr');
    // two governments of 50,000,000 each, nothing transferred between them
    expect(await grossNet.first().locator('th, td').allTextContents()).toEqual(['총계', '100,000,000원', '100,000,000원']);
    expect(await grossNet.last().locator('th').textContent()).toBe('순계');
    expect(await page.locator('#national-totals').textContent()).toContain('재정자립도 전국 평균');

    const grid = page.locator('#tile-grid');
    expect(await grid.locator('section.tile').count()).toBe(17);
    expect(await grid.locator('li').count()).toBe(226);
    expect(await page.locator('#national-grid figcaption').textContent()).toMatch(/^타일 격자 \(지도가 아닙니다\)/);
    // 서울 with its 25 자치구: 종로구 and 중구 budgeted, nothing paid
    const seoul = grid.locator('section[data-gov="11000"]');
    expect(await seoul.getAttribute('aria-label')).toBe('서울특별시: 집행률 0.00%, 채무비율 — 미산정');
    expect(await seoul.locator('li').count()).toBe(25);
    expect(await seoul.locator('li[data-gov="11110"]').getAttribute('aria-label')).toBe('종로구: 집행률 0.00%, 채무 정상');
    // placed as the tile grid says (서울 north of 경기, 제주 at the bottom), not in the order of the codes
    const box = async (code: string) => (await grid.locator(`section[data-gov="${code}"]`).boundingBox())!;
    const [seoulBox, gyeonggi, incheon, jeju, busan] = await Promise.all([
      box('11000'),
      box('41000'),
      box('28000'),
      box('50000'),
      box('26000'),
    ]);
    expect(seoulBox.y).toBeLessThan(gyeonggi.y);
    expect(incheon.x).toBeLessThan(seoulBox.x);
    expect(jeju.y).toBeGreaterThan(busan.y);
    expect(await grid.getAttribute('data-metric')).toBe('rate');
    await page.getByRole('radio', { name: '채무비율 구분' }).check();
    expect(await grid.getAttribute('data-metric')).toBe('band');
    expect(await page.locator('#band-source').textContent()).toContain('40% 초과 심각 (지방재정법 시행령 제65조의2)');
    expect(await page.locator('#national-grid table caption').textContent()).toContain('지방자치단체별 예산대비채무비율');
    await page.locator('#national-grid figure').screenshot({ path: `${SCREENSHOTS}/console-ministry-grid.png` });
    await page.close();
  });

  it('the head reads the 예산서 by 분야·부문 and 성질·편성목 beside execution, and opens a line with its status and 지출부', async () => {
    const page = await signIn('head', '11110');
    await page.getByRole('link', { name: '예산서', exact: true }).click();
    await page.waitForURL(/#\/book\/11110$/);
    await settled(page);
    const byFunction = page.locator('#by-function tbody tr');
    expect(await byFunction.first().locator('td').allTextContents()).toEqual([
      '일반공공행정 (010)',
      '30,000,000',
      '30,000,000',
      '0',
      '0.00%',
    ]);
    expect(await page.locator('#by-function').textContent()).toContain('노인·청소년 (085)');
    expect(await page.locator('#by-economic tbody tr').allTextContents()).toEqual([
      expect.stringContaining('물건비 (200)49,500,000'),
      expect.stringContaining('일반운영비 (201)49,500,000'),
      expect.stringContaining('예비비 및 기타 (800)500,000'),
      expect.stringContaining('예비비 (801)500,000'),
    ]);
    await page.locator('#book-lines tbody tr').nth(1).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/console-budget-book.png`, fullPage: true });

    await page.getByRole('link', { name: LINE }).click();
    await page.waitForURL(new RegExp(`#/line/11110/${LINE.replaceAll('.', '\\.')}$`));
    await settled(page);
    const figures = await page.locator('#budget-line .figures').first().textContent();
    expect(figures).toContain('예산현액30,000,000원');
    expect(figures).toContain('배정액10,000,000원');
    expect(figures).toContain('배정잔액 (배정액 − 원인행위액)10,000,000원');
    expect(await page.locator('#line-ledger h2').textContent()).toBe('지출부');
    expect(await page.locator('#line-ledger td.empty').textContent()).toBe('자료가 없습니다');
    await page.screenshot({ path: `${SCREENSHOTS}/console-budget-line.png`, fullPage: true });

    // another government's book is the API's 403 and nothing else
    await page.goto(`${rig.runtime.url}/console/#/book/11140`);
    const refused = page.locator('#budget-book .problem');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^이 자료를 볼 권한이 없습니다 — 403 /);
    expect(await page.locator('main table').count()).toBe(0);
    await page.close();
  });

  it('the 금고 lands on its own home: what the API lets it do, and a posting looked up as the API answers', async () => {
    const page = await signIn('treasury_bank', '11110');
    expect(page.url()).toMatch(/#\/treasury\/11110$/);
    await settled(page);
    const operations = await page.locator('#treasury-operations tbody').textContent();
    expect(operations).toContain('POST /governments/{gov}/years/{year}/payment-orders/{orderId}/payment');
    expect(operations).toContain('GET /governments/{gov}/postings/{postingId}');
    expect(operations).not.toContain('/ledger');
    await page.getByLabel('전표 번호').fill('no-such-posting-1');
    await page.getByRole('button', { name: '상태 조회' }).click();
    const answer = page.locator('#posting-result .problem');
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/^자료가 없습니다 — 404 /);
    await page.screenshot({ path: `${SCREENSHOTS}/console-treasury.png`, fullPage: true });
    await page.close();
  });

  it('the 지방보조사업자 lands on its own applications and what the API lets it do', async () => {
    const page = await signIn('subsidy_recipient', undefined, 'rcp-console-1');
    expect(page.url()).toMatch(/#\/recipient$/);
    await settled(page);
    expect(await page.locator('#my-applications caption').textContent()).toContain('나의 보조금 신청 0건');
    const operations = await page.locator('#recipient-operations tbody').textContent();
    expect(operations).toContain('POST /governments/{gov}/subsidies/{year}/programs/{programId}/applications');
    expect(operations).toContain('GET /subsidy-recipients/me/applications');
    await page.screenshot({ path: `${SCREENSHOTS}/console-recipient.png`, fullPage: true });
    await page.close();
  });
});
