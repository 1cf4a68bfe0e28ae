import { describe, expect, it } from 'vitest';
import { acquisitionOf } from '#shared/domain/execution/acquisitions.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { PostingCommand } from '#shared/domain/execution/posting.ts';
import { decide, documentItem, expenditureLine, posting } from '#test/unit/execution/rules/support.ts';

/**
 * An advance on a 405 자산취득비 line (회계기준규칙 제17조, 제49조①): its 지출결의 books 선급금 (1108), so no
 * asset enters the register then; its 정산 debits the asset the line names at the 증빙 date, and that
 * posting records the acquisition (acquisitions.ts reads every applied posting's journal).
 */
const assetAttrs = { itemCode: '405-01', assetClass: '일반유형자산', structureType: '정책사업', usefulLifeYears: '5' };
const commitment = documentItem(
  'commitment',
  'C1',
  { lineId: 'E1', createdBy: 'fo-kim' },
  { amount: 500, resolved: 0, paid: 0, cancelled: 0 },
);
const order = documentItem(
  'order',
  'O1',
  { lineId: 'E1', commitmentId: 'C1', resolutionId: 'RS1', createdBy: 'do-park', cashMonth: '2026-03', advance: 'estimate' },
  { amount: 500, paid: 500, returned: 0, settled: 0, cleared: 0 },
);

function acquired(command: PostingCommand, line: ControlledItem, items: readonly ControlledItem[]) {
  const message = posting(command, 'do-park');
  const decision = decide(message, { items: [line, ...items] });
  if (decision.status !== 'applied') throw new Error(JSON.stringify(decision.refusal));
  return { journal: decision.journal.lines, acquisition: acquisitionOf(message, decision, line) };
}

describe('an advance on a 405 line and the asset register', () => {
  it('books 선급금 at the 지출결의: no acquisition yet', () => {
    const line = expenditureLine({ allotted: 1_000, committed: 500 }, assetAttrs);
    const resolve = { kind: 'resolve', commitmentId: 'C1', amount: 500, date: '2026-03-03', advance: 'estimate', estimateCase: 3 } as const;
    const { journal, acquisition } = acquired(resolve, line, [commitment]);
    expect(journal[0]).toEqual({ account: '1108', debit: 500, credit: 0 });
    expect(acquisition).toBeUndefined();
  });

  it("records the acquisition at its 정산, dated at the 증빙, with the line's 내용연수", () => {
    const line = expenditureLine({ allotted: 1_000, committed: 500, resolved: 500, ordered: 500, paid: 500 }, assetAttrs);
    const settle = { kind: 'settle', orderId: 'O1', amount: 450, date: '2026-03-25', evidence: '정산서' } as const;
    const { journal, acquisition } = acquired(settle, line, [order]);
    expect(journal).toEqual([
      { account: '1308', debit: 450, credit: 0 },
      { account: '1108', debit: 0, credit: 450 },
    ]);
    expect(acquisition).toMatchObject({ account: '1308', amount: 450, date: '2026-03-25', usefulLifeYears: 5, structureType: '정책사업' });
  });
});
