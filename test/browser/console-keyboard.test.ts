/**
 * Issue #20: the newer console pages from the keyboard alone (the head's home → 예산서 → a line page;
 * the ministry's tile grid switched between 집행률 and 채무비율 구분), execution against budget over the
 * year (chart and table) on the head's home, and a research institute shown aggregates only, with no
 * call the API refuses. Screenshots go to .data/screenshots/console-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { cashControlKey, lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { SCREENSHOTS, settled, signIn as signInAs, startConsoleRig, twoGovernmentBudgets } from '#test/browser/support/console.ts';
import type { ConsoleRig } from '#test/browser/support/console.ts';
import { useTestStack } from '#test/support/stack.ts';

/** page.evaluate() callbacks run in the browser; the project compiles without the DOM library. */
declare const document: {
  readonly activeElement: { id: string; name?: string; textContent: string | null; tagName: string } | null;
};

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-console-keyboard-'));
const YEAR = 2026;
const GOV = '11110';
const LINE = 'E.GEN.P01.U01.D001.201-01';
let rig: ConsoleRig;

/** A month's cash counters as 자금배정 and the bank's payments leave them (budget cash.ts, execution pay.ts). */
const cash = (month: string, allocated: number, paid: number) =>
  dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...cashControlKey(GOV, YEAR, 'GEN', month),
        entity: 'cash-control',
        gov: GOV,
        year: YEAR,
        fund: 'GEN',
        month,
        allocated,
        paid,
        claimed: paid,
      },
    }),
  );

beforeAll(async () => {
  await twoGovernmentBudgets(YEAR);
  await cash('2026-03', 10_000_000, 4_000_000);
  await cash('2026-06', 5_000_000, 3_000_000);
  // the line's own counters agree: what the bank paid is the line's 지출액
  await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: lineControlKey(GOV, YEAR, LINE),
      UpdateExpression: 'SET paid = :paid',
      ExpressionAttributeValues: { ':paid': 7_000_000 },
    }),
  );
  rig = await startConsoleRig(dataDir);
});
afterAll(async () => {
  await rig?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const signIn = (role: string, gov?: string): Promise<Page> => signInAs(rig.browser, rig.runtime.url, role, gov);
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return `${active?.tagName} ${active?.id || active?.name || active?.textContent}`;
  });

/** Presses Tab until the focus is on what `wanted` matches (at most 80 times), as a keyboard user would. */
async function tabTo(page: Page, wanted: RegExp): Promise<string> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted.test(now)) return now;
  }
  throw new Error(`the keyboard never reached ${wanted}`);
}

describe('the newer console pages', () => {
  it('shows the head execution against budget over the year, month by month, as a chart and its table', async () => {
    const page = await signIn('head', GOV);
    await settled(page);
    const monthly = page.locator('#monthly');
    expect(await monthly.locator('figure canvas').getAttribute('aria-label')).toContain('월별 자금배정액과 지급액');
    const rows = await monthly
      .locator('table.data tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...(tr as unknown as { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }).querySelectorAll('td, th')].map(
            (c) => c.textContent,
          ),
        ),
      );
    // 세출 예산현액 50,000,000: 4,000,000 paid in March (8.00%), 3,000,000 in June (14.00% cumulative)
    expect(rows).toEqual([
      ['2026. 3.', '10,000,000', '4,000,000', '4,000,000', '8.00%'],
      ['2026. 6.', '5,000,000', '3,000,000', '7,000,000', '14.00%'],
    ]);
    await monthly.screenshot({ path: `${SCREENSHOTS}/console-monthly.png` });
    await page.close();
  });

  it('takes the head from its home to the 예산서 and on to a line page with the keyboard alone', async () => {
    const page = await signIn('head', GOV);
    await settled(page);
    expect(await focused(page)).toMatch(/^H1 서울특별시 종로구 \(11110\) 2026회계연도 재정 현황$/);
    await tabTo(page, /^A 예산서 \(분야·부문·성질별\)$/);
    await page.keyboard.press('Enter');
    await page.locator('#budget-book').waitFor();
    await settled(page);
    expect(await focused(page)).toMatch(/^H1 서울특별시 종로구 \(11110\) 2026회계연도 예산서$/);
    await tabTo(page, new RegExp(`^A ${LINE.replaceAll('.', '\\.')}$`));
    await page.keyboard.press('Enter');
    await page.locator('#budget-line').waitFor();
    await settled(page);
    expect(await focused(page)).toBe(`H1 서울특별시 종로구 (11110) 2026회계연도 예산과목 ${LINE}`);
    expect(await page.locator('#budget-line').textContent()).toContain('30,000,000');
    await page.close();
  });

  it('lets the ministry switch the tile grid between 집행률 and 채무비율 구분 with the arrow keys', async () => {
    const page = await signIn('ministry');
    await settled(page);
    const grid = page.locator('#tile-grid');
    expect(await grid.getAttribute('data-metric')).toBe('rate');
    // the grid's radio group takes the focus on its checked radio; an arrow key moves the choice
    await tabTo(page, /^INPUT grid-metric$/);
    await page.keyboard.press('ArrowDown');
    expect(await grid.getAttribute('data-metric')).toBe('band');
    await page.keyboard.press('ArrowUp');
    expect(await grid.getAttribute('data-metric')).toBe('rate');
    await page.close();
  });

  it('shows a research institute aggregates only, with no call the API refuses', async () => {
    const page = await signIn('research');
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${rig.runtime.url}/console/#/government/${GOV}`);
    await settled(page);
    expect(await page.locator('#monthly table.data tbody tr').count()).toBe(2);
    await page.goto(`${rig.runtime.url}/console/#/book/${GOV}`);
    await page.locator('#budget-book[data-scope="aggregates"]').waitFor();
    await settled(page);
    for (const id of ['by-field', 'by-sector', 'by-economic'])
      expect(await page.locator(`#${id} table.data tbody tr`).count()).toBeGreaterThan(0);
    expect(await page.locator('#budget-book').textContent()).toContain('일반공공행정 (010)');
    expect(await page.locator('#budget-book').textContent()).toContain('일반행정 (016)');
    expect(await page.locator('#budget-book .problem, #budget-book [role="alert"]').count()).toBe(0);
    expect(await page.locator('#book-lines').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/console-research-book.png`, fullPage: true });
    expect(refused).toEqual([]);
    await page.close();
  });
});
