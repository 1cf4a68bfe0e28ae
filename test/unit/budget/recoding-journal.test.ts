import { describe, expect, it } from 'vitest';
import { recodingJournal, recodingReversalJournal } from '#shared/domain/budget/recoding-journal.ts';
import { isBalanced } from '#shared/domain/ledger/journal.ts';

/**
 * The journal of a 과목경정: the wrong line's 지출결의 lines reversed, the right line's booked, on the
 * decision date. Accounts by hand from shared/data/accounting/journal-map.csv: 200 물건비 of a
 * 정책사업 → 5102 운영비, 300 경상이전 of a 정책사업 → 5104, the settlement account 2101 미지급금.
 */
const program = (lineId: string, code: string) => ({
  lineId,
  itemCode: code,
  journal: { code, structureType: '정책사업', function: '081' },
});

describe('recoding journal (과목경정)', () => {
  it('reverses the expense under the wrong account and books it under the right one, balanced', () => {
    const entry = recodingJournal('GEN', '2026-11-30', program('wrong', '206-01'), program('right', '307-02'), 300_000);
    expect(entry).toEqual({
      fund: 'GEN',
      date: '2026-11-30',
      lines: [
        { account: '5102', debit: 0, credit: 300_000, function: '081' },
        { account: '2101', debit: 300_000, credit: 0 },
        { account: '5104', debit: 300_000, credit: 0, function: '081' },
        { account: '2101', debit: 0, credit: 300_000 },
      ],
    });
    expect('lines' in entry && isBalanced(entry.lines)).toBe(true);
  });

  it('reverses a recoding with its mirror on the reversal date: 5104 back to 5102, balanced, nothing left per account', () => {
    const entry = recodingJournal('GEN', '2026-11-30', program('wrong', '206-01'), program('right', '307-02'), 300_000);
    if (!('lines' in entry)) throw new Error('the recoding journals');
    const mirror = recodingReversalJournal(entry, '2026-12-02');
    expect(mirror).toEqual({
      fund: 'GEN',
      date: '2026-12-02',
      lines: [
        { account: '5102', debit: 300_000, credit: 0, function: '081' },
        { account: '2101', debit: 0, credit: 300_000 },
        { account: '5104', debit: 0, credit: 300_000, function: '081' },
        { account: '2101', debit: 300_000, credit: 0 },
      ],
    });
    expect(isBalanced(mirror.lines)).toBe(true);
  });

  it('refuses a line the journal map cannot book (801 예비비 is never journaled)', () => {
    const entry = recodingJournal('GEN', '2026-11-30', program('wrong', '206-01'), { lineId: 'reserve', itemCode: '801-01' }, 1);
    expect(entry).toMatchObject({ code: 'journal-not-possible', context: { lineId: 'reserve', itemCode: '801-01' } });
  });
});
