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
declare const document: { querySelectorAll(selector: string): Iterable<Box> };
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

/** The labels of every column the 세출결산 prints (codes, their names, every amount). */
const expenditureColumns = (report: typeof golden): string[] => {
  const table = report.tables.find((t) => t.id === 'expenditure');
  return (table?.columns ?? []).flatMap((c) => (table?.names?.[c.key] ? [c.label, `${c.label}명`] : [c.label]));
};

/** Prints the 세출결산 section to PDF (A4 landscape from the page's CSS) and measures it in print layout. */
async function printExpenditure(html: string) {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  // A4 landscape (297 mm) less the page's 8 mm margins, at 96 px per inch.
  const printable = Math.floor(((297 - 2 * 8) / 25.4) * 96);
  await page.setViewportSize({ width: printable, height: 700 });
  // The 세출결산 may print in parts (each repeating the text columns): measure every part.
  const layout = await page.evaluate(() => {
    const tables = [...document.querySelectorAll('section[data-table="expenditure"] table')];
    const headers = tables.flatMap((table) =>
      [...table.querySelectorAll('thead th')].map((th) => ({ text: th.textContent, right: th.getBoundingClientRect().right })),
    );
    const clipped = tables.flatMap((table) => [...table.querySelectorAll('td.won')]).filter((td) => td.scrollWidth > td.clientWidth).length;
    const fontPt = Math.min(...tables.map((table) => Number.parseFloat(getComputedStyle(table).fontSize) * 0.75));
    const width = Math.max(...tables.map((table) => table.getBoundingClientRect().right));
    return { headers, clipped, width, fontPt: Math.round(fontPt * 10) / 10, parts: tables.length };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { ...layout, printable, pages };
}

describe('the printed 세출결산', () => {
  it('prints the golden year with every statutory column on the A4 landscape width, in two parts', async () => {
    const printed = await printExpenditure(reportHtml(golden));
    const columns = expenditureColumns(golden);
    expect(printed.parts).toBe(2);
    // every column of the report is printed; the text columns head both parts
    expect(new Set(printed.headers.map((h) => h.text))).toEqual(new Set(columns));
    expect(printed.headers.filter((h) => h.text === '예산과목')).toHaveLength(2);
    for (const header of printed.headers) expect(header.right).toBeLessThanOrEqual(printed.printable);
    expect(printed.clipped).toBe(0);
    // each part of 세출결산, then 세입결산, 세계잉여금, the 예산전용조서 (지방재정법 §49④), the 예비비 사용명세서
    // (§43④), the 이월 명세서 and the 명시이월비 집행 명세서 (지방회계법 §17①3), the 징수관별 미수납액 and the
    // 전년도 미수납액 징수관별 정리 starts a page.
    expect(printed.pages).toBe(10);
  });

  it('keeps 90 lines of 서울-scale amounts (10조 a line) within the page width, readable, across pages', async () => {
    const printed = await printExpenditure(reportHtml(large));
    expect(printed.width).toBeLessThanOrEqual(printed.printable);
    expect(printed.clipped).toBe(0);
    expect(printed.fontPt).toBeGreaterThanOrEqual(7);
    expect(new Set(printed.headers.map((h) => h.text))).toEqual(new Set(expenditureColumns(large)));
    // 90 lines + 2 소계 + 합계 need several pages per part; then one each for 세입결산 and 세계잉여금.
    expect(printed.pages).toBeGreaterThanOrEqual(6);
  });
});
