import { describe, expect, it } from 'vitest';
import { debtMovement, statementNotes } from '#shared/domain/settlement/statement-notes.ts';
import type { NoteDebt } from '#shared/domain/settlement/statement-notes.ts';

/**
 * 주석 지방채 (회계기준규칙 제41조, 제54조): per instrument, 기초 → 당기 발행 → 당기 상환 (dated) → 기말 of
 * the fiscal year, from the debt register's dated events; a reversed repayment was never made.
 *
 *   B1 bond 10,000,000 issued 2024-03-01: repaid 2025-12-31 1,000,000; 2026-06-30 1,000,000; 2026-12-31
 *      1,000,000; 2027-01-31 500,000 (next year); a 2026-09-30 repayment of 700,000 reversed
 *      → 2026: 기초 9,000,000, 발행 0, 상환 2,000,000, 기말 7,000,000
 *   L1 borrowing 4,000,000 drawn 2026-05-02, repaid 2026-11-30 400,000
 *      → 2026: 기초 0, 발행 4,000,000, 상환 400,000, 기말 3,600,000
 *   B0 bond repaid in full in 2025 and B9 issued 2027: not in the 2026 note
 */
const repayment = (entryId: string, date: string, amount: number) => ({
  entryId,
  type: 'repayment' as const,
  amount,
  date,
});
const debt = (d: Partial<NoteDebt> & Pick<NoteDebt, 'debtId' | 'principal' | 'issueDate'>): NoteDebt => ({
  kind: 'local-bond',
  name: d.debtId,
  rateBp: 350,
  maturityDate: '2034-12-31',
  repaid: 0,
  outstanding: d.principal,
  entries: [],
  ...d,
});
const B1 = debt({
  debtId: 'B1',
  principal: 10_000_000,
  issueDate: '2024-03-01',
  entries: [
    repayment('r1', '2025-12-31', 1_000_000),
    repayment('r2', '2026-06-30', 1_000_000),
    repayment('r3', '2026-09-30', 700_000),
    { entryId: 'r3#reversal', type: 'reversal', amount: 700_000, date: '2026-10-02', reverses: 'r3' },
    repayment('r4', '2026-12-31', 1_000_000),
    repayment('r5', '2027-01-31', 500_000),
  ],
});
const L1 = debt({
  debtId: 'L1',
  kind: 'borrowing',
  principal: 4_000_000,
  issueDate: '2026-05-02',
  entries: [repayment('l1', '2026-11-30', 400_000)],
});
const B0 = debt({ debtId: 'B0', principal: 1_000_000, issueDate: '2020-01-01', entries: [repayment('z', '2025-01-01', 1_000_000)] });
const B9 = debt({ debtId: 'B9', principal: 1_000_000, issueDate: '2027-02-01' });

describe('주석 지방채: dated movements per instrument', () => {
  it('computes opening, issued, repaid and closing of the year from the dated events', () => {
    expect(debtMovement(B1, 2026)).toEqual({
      opening: 9_000_000n,
      issued: 0n,
      repayments: [
        { date: '2026-06-30', amount: 1_000_000n },
        { date: '2026-12-31', amount: 1_000_000n },
      ],
      repaid: 2_000_000n,
      closing: 7_000_000n,
    });
    expect(debtMovement(L1, 2026)).toMatchObject({ opening: 0n, issued: 4_000_000n, repaid: 400_000n, closing: 3_600_000n });
    expect(debtMovement(B1, 2027)).toMatchObject({ opening: 7_000_000n, repaid: 500_000n, closing: 6_500_000n });
  });

  it('writes one note per instrument held in the year and their total', () => {
    const notes = statementNotes(2026, [], { register: [], debts: [B0, B1, L1, B9] })
      .filter((r) => String(r.title).startsWith('지방채'))
      .map((r) => `${r.title}: ${r.body}`);
    expect(notes).toEqual([
      '지방채·차입금: B1 B1 (지방채증권, 연 3.50%, 2024-03-01 발행 10000000원, 만기 2034-12-31): 기초 9000000원, 당기 발행 0원, ' +
        '당기 상환 2000000원 (2026-06-30 1000000원, 2026-12-31 1000000원), 기말 7000000원 (채무대장의 일자별 발행·상환)',
      '지방채·차입금: L1 L1 (장기차입금, 연 3.50%, 2026-05-02 발행 4000000원, 만기 2034-12-31): 기초 0원, 당기 발행 4000000원, ' +
        '당기 상환 400000원 (2026-11-30 400000원), 기말 3600000원 (채무대장의 일자별 발행·상환)',
      '지방채·차입금 합계: 기초 9000000원, 당기 발행 4000000원, 당기 상환 2400000원, 기말 10600000원',
    ]);
  });
});
