import { describe, expect, it } from 'vitest';
import { btlBalanceAt, debtBurdensOutstandingAt, registeredOutstandingAt, statutoryDebtAt } from '#shared/domain/debt/debt-at-date.ts';

const bond = {
  issueDate: '2026-03-02',
  principal: 250_000_000,
  entries: [
    { type: 'repayment' as const, entryId: 'R1', amount: 50_000_000, date: '2027-03-02' },
    { type: 'repayment' as const, entryId: 'R2', amount: 1, date: '2027-04-01' },
    { type: 'reversal' as const, entryId: 'R2-reversal', amount: 1, date: '2027-05-01', reverses: 'R2' },
    { type: 'repayment' as const, entryId: 'R3', amount: 50_000_000, date: '2028-03-02' },
  ],
};
const loan = { issueDate: '2027-07-01', principal: 100_000_000, entries: [] };
const burden = {
  id: 'B1',
  purpose: '청사 리모델링',
  reason: '다년도 계약',
  year: 2026,
  amount: 30_000_000,
  repayments: [
    { year: 2027, amount: 10_000_000 },
    { year: 2028, amount: 20_000_000 },
  ],
};

describe('채무 as of a date', () => {
  it.each([
    ['2026-03-01', 0n], // before the issue
    ['2026-12-31', 250_000_000n],
    ['2027-03-02', 200_000_000n], // the repayment of the day counts
    ['2027-06-30', 200_000_000n], // the reversed 1 won counts as never repaid
    ['2027-12-31', 300_000_000n], // + the loan of 2027-07-01
    ['2028-12-31', 250_000_000n],
  ])('register at %s: %s', (asOf, expected) => {
    expect(registeredOutstandingAt([bond, loan], asOf)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 0n], // the act is of 2026
    ['2026-06-30', 30_000_000n],
    ['2027-06-30', 30_000_000n], // 2027's repayment counts from the end of 2027
    ['2028-01-01', 20_000_000n],
    ['2029-01-01', 0n],
  ])('채무부담행위 at %s: %s', (asOf, expected) => {
    expect(debtBurdensOutstandingAt([burden], asOf)).toBe(expected);
  });

  it('adds 지방채, 차입금, 채무부담행위 and a zero 보증채무 이행책임액', () => {
    expect(statutoryDebtAt([bond, loan], [burden], '2028-01-01')).toEqual({
      bondsAndBorrowings: 300_000_000n,
      debtBurdens: 20_000_000n,
      guaranteeLiability: 0n,
      btlNetLocalCost: 0n,
      total: 320_000_000n,
    });
  });

  /*
   * BTL 순지방비 지급 잔액 (시행령 §65의2①2), per project the latest record dated on or before the date:
   *   S1: 12,000,000 at 2027-12-31, 9,000,000 at 2028-12-31 (recorded twice that day: the later, 8,500,000, counts)
   *   S2: 5,000,000 at 2028-06-30
   *   at 2027-06-30: 0 · at 2028-01-01: 12,000,000 · at 2028-12-31: 8,500,000 + 5,000,000 = 13,500,000
   */
  const btl = [
    { project: 'S1', asOf: '2027-12-31', amount: 12_000_000, recordedAt: '2028-01-05T09:00:00+09:00' },
    { project: 'S1', asOf: '2028-12-31', amount: 9_000_000, recordedAt: '2029-01-05T09:00:00+09:00' },
    { project: 'S1', asOf: '2028-12-31', amount: 8_500_000, recordedAt: '2029-01-06T09:00:00+09:00' },
    { project: 'S2', asOf: '2028-06-30', amount: 5_000_000, recordedAt: '2028-07-01T09:00:00+09:00' },
  ];
  it.each([
    ['2027-06-30', 0n],
    ['2028-01-01', 12_000_000n],
    ['2028-12-31', 13_500_000n],
  ])('BTL 순지방비 balance at %s: %s', (asOf, expected) => {
    expect(btlBalanceAt(btl, asOf)).toBe(expected);
  });

  it('counts the BTL 순지방비 balance in 채무', () => {
    expect(statutoryDebtAt([bond, loan], [burden], '2028-01-01', btl)).toMatchObject({
      btlNetLocalCost: 12_000_000n,
      total: 332_000_000n,
    });
  });
});
