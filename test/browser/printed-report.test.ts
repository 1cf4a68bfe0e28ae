import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { reportHtml } from '#shared/domain/reports/html.ts';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import { launchChromium } from '#test/browser/support/chromium.ts';

/** page.evaluate() callbacks run in the browser; the project compiles without the DOM library. */
interface Box {
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): Iterable<Box>;
}
declare const document: { querySelector(selector: string): Box };
declare function getComputedStyle(element: Box): { fontSize: string };

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close } = await launchChromium());
});
afterAll(async () => close?.());

const line = (n: number, fund: string, amount: number): SettlementLine => ({
  lineId: `E.${fund}.P${String(n).padStart(2, '0')}.U01.D${String(n).padStart(2, '0')}.201-01`,
  kind: 'expenditure',
  fund,
  itemCode: '201-01',
  dept: `D${100 + n}`,
  budget: amount,
  carryIn: Math.floor(amount / 2),
  committed: amount - 1_000_000,
  paid: amount - 2_000_000,
  assessed: 0,
  received: 0,
  refunded: 0,
});

/** The golden year's 종로구 line (test/integration/settlement/fiscal-year.test.ts) and a 서울-scale book. */
const golden = budgetSettlement('11110', 2025, [{ ...line(1, 'GEN', 1_000_000), committed: 900_000, paid: 700_000 }], [], {
  GEN: '일반회계',
});
/** The widest book: every amount column 13 digits (10조) on all 90 lines (each carried over in all three kinds). */
const largeLines = Array.from({ length: 90 }, (_, i) => line(i + 1, i < 60 ? 'GEN' : 'WATER', 9_999_999_999_999 - i));
const large = budgetSettlement(
  '11000',
  2025,
  largeLines,
  largeLines.flatMap((l) =>
    (['explicit', 'accident', 'continuing'] as const).map((kind) => ({
      lineId: l.lineId,
      kind,
      amount: 1_111_111_111_111,
      reason: '공사 지연',
    })),
  ),
  { GEN: '일반회계', WATER: '상수도사업특별회계' },
);

/** Prints the 세출결산 section to PDF (A4 landscape from the page's CSS) and measures it in print layout. */
async function printExpenditure(html: string) {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  // A4 landscape (297 mm) less the page's 8 mm margins, at 96 px per inch.
  const printable = Math.floor(((297 - 2 * 8) / 25.4) * 96);
  await page.setViewportSize({ width: printable, height: 700 });
  const layout = await page.evaluate(() => {
    const table = document.querySelector('section[data-table="expenditure"] table');
    const headers = [...table.querySelectorAll('thead th')].map((th) => ({
      text: th.textContent,
      right: th.getBoundingClientRect().right,
    }));
    const clipped = [...table.querySelectorAll('td.won')].filter((td) => td.scrollWidth > td.clientWidth).length;
    const fontPt = Number.parseFloat(getComputedStyle(table).fontSize) * 0.75;
    return { headers, clipped, width: table.getBoundingClientRect().right, fontPt: Math.round(fontPt * 10) / 10 };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { ...layout, printable, pages };
}

describe('the printed 세출결산', () => {
  it('fits the golden year on one A4 landscape page with every statutory column', async () => {
    const printed = await printExpenditure(reportHtml(golden));
    expect(printed.headers.map((h) => h.text)).toEqual([
      '회계',
      '회계명',
      '예산과목',
      '부서',
      '통계목',
      '통계목명',
      '예산액',
      '전년도이월액',
      '예산현액',
      '지출원인행위액',
      '지출액',
      '명시이월',
      '사고이월',
      '계속비이월',
      '다음연도이월액',
      '불용액',
    ]);
    for (const header of printed.headers) expect(header.right).toBeLessThanOrEqual(printed.printable);
    expect(printed.clipped).toBe(0);
    // 세출결산, 세입결산 and 세계잉여금 each start a page.
    expect(printed.pages).toBe(3);
  });

  it('keeps 90 lines of 서울-scale amounts (10조 a line) within the page width, readable, across pages', async () => {
    const printed = await printExpenditure(reportHtml(large));
    expect(printed.width).toBeLessThanOrEqual(printed.printable);
    expect(printed.clipped).toBe(0);
    expect(printed.fontPt).toBeGreaterThanOrEqual(7);
    // 90 lines + 2 소계 + 합계 need several pages; then one each for 세입결산 and 세계잉여금.
    expect(printed.pages).toBeGreaterThanOrEqual(4);
  });
});
