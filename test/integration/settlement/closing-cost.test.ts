import { describe, expect, it } from 'vitest';
import { runClosing } from '#shared/application/settlement/run-closing.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { closingPorts } from '#shared/application/settlement/closing-ports.ts';
import { useTestStack } from '#test/support/stack.ts';
import { credit, debit, entry, post, seedLine } from '#test/integration/settlement/fixture.ts';

await useTestStack();

const YEAR = 2024;
/** 현금 / 지방세수익, 경비(관리운영비) / 현금, 미수세외수입금 / 경상세외수익 (the statutory chart). */
const ACCOUNTS = [
  ['1101', '4201'],
  ['5202', '1101'],
  ['1105', '4202'],
] as const;

/** Postings spread over every month of the year on the same accounts of one fund. */
async function seedYear(gov: string, postingsPerMonth: number): Promise<void> {
  for (const lineId of ['E.1', 'E.2', 'R.1'])
    await seedLine(gov, YEAR, { lineId, kind: lineId.startsWith('E') ? 'expenditure' : 'revenue', fund: 'GEN', budget: 1_000_000_000 });
  for (let month = 1; month <= 12; month++) {
    for (let n = 0; n < postingsPerMonth; n++) {
      const [dr, cr] = ACCOUNTS[n % ACCOUNTS.length] as readonly [string, string];
      const day = `${YEAR}-${String(month).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
      await post(gov, YEAR, entry(day, 'GEN', debit(dr, 1_000 + n), credit(cr, 1_000 + n)));
    }
  }
}

describe('the cost of a year-end closing', () => {
  it('reads the monthly running totals, lines and carry-overs: the same item count for 36 or 360 postings', async () => {
    await seedYear('26000', 3);
    await seedYear('27000', 30);
    const few = await runClosing({ gov: '26000', period: periodOf('year-end', String(YEAR)) }, closingPorts('cost-few'), {
      backfill: true,
    });
    const many = await runClosing({ gov: '27000', period: periodOf('year-end', String(YEAR)) }, closingPorts('cost-many'), {
      backfill: true,
    });
    // 12 months × 5 accounts × 1 fund MONTH# items + 1 opening item + 3 lines (+ 0 carry-overs, 0 회계
    // items) + last year's MONTH# items (none) and opening item (1) for the comparative statements.
    // + the YEAR# item (1) whose final version holds the 명시이월비 (none here: no version).
    expect(few.itemsRead).toBe(12 * 5 + 1 + 3 + 1 + 1);
    expect(many.itemsRead).toBe(few.itemsRead);
    expect(many.differences).toEqual([]);
  });
});
