import { describe, expect, it } from 'vitest';
import { carriedAgainRefusal, carriedLineId } from '#shared/domain/settlement/carried-budget.ts';
import {
  accidentCarryOverRefusal,
  carryOverBasisRefusal,
  carryOverGroundRefusal,
  carryOverRefusal,
  explicitCommitmentsRefusal,
} from '#shared/domain/settlement/carry-over.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { closingStatus, unbalancedTrialBalance } from '#shared/domain/settlement/closing.ts';
import { periodOf, periodOfYear } from '#shared/domain/settlement/periods.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { problemOf } from '#test/support/problem.ts';
import { opening, totals } from '#test/unit/settlement/fixture.ts';

const line = { lineId: 'E.A1', kind: 'expenditure' as const, budget: 1_000_000, paid: 700_000, committed: 800_000 };

describe('the settlement rules return their refusals', () => {
  it('carries over only expenditure, within 예산현액 − 지출액', async () => {
    expect(carryOverRefusal(line, 300_000)).toBeUndefined();
    const tooMuch = carryOverRefusal(line, 300_001);
    expect(tooMuch).toMatchObject({ kind: 'unprocessable', code: 'carry-over-exceeds-available' });
    expect(await problemOf(() => Promise.reject(new Refused(tooMuch as never)))).toMatchObject({
      status: 422,
      code: 'carry-over-exceeds-available',
      detail: 'carry-over 300001 exceeds budget − paid = 300000',
      context: {
        rule: 'carry-over ≤ budget − paid',
        requested: 300_001,
        available: 300_000,
        numbers: { budget: 1_000_000, paid: 700_000 },
      },
    });
    expect(carryOverRefusal({ ...line, lineId: 'R.A1', kind: 'revenue' }, 1)).toMatchObject({
      code: 'carry-over-expenditure-only',
      context: { lineId: 'R.A1', kind: 'revenue' },
    });
  });

  it('accepts a closing period only inside the fiscal year of the path, its 출납정리 days and months included', () => {
    expect(periodOfYear('daily', '2025-01-15', 2025)).toEqual({ ok: true, period: periodOf('daily', '2025-01-15') });
    // 지방회계법 제7조: year 2025's postings until 10 February 2026 are closed as days and months of 2025.
    expect(periodOfYear('daily', '2026-01-15', 2025)).toEqual({ ok: true, period: { ...periodOf('daily', '2026-01-15'), year: 2025 } });
    expect(periodOfYear('daily', '2026-02-10', 2025)).toMatchObject({ ok: true, period: { year: 2025, lastDay: '2026-02-10' } });
    expect(periodOfYear('monthly', '2026-01', 2025)).toMatchObject({
      ok: true,
      period: { year: 2025, firstDay: '2026-01-01', lastDay: '2026-01-31' },
    });
    expect(periodOfYear('monthly', '2026-02', 2025)).toMatchObject({
      ok: true,
      period: { year: 2025, firstDay: '2026-02-01', lastDay: '2026-02-10' },
    });
    for (const [kind, id] of [
      ['daily', '2024-12-31'],
      ['daily', '2026-02-11'],
      ['monthly', '2026-03'],
      ['monthly', '2025-13'],
      ['year-end', '2026'],
      ['year-end', '25'],
    ] as const) {
      expect(periodOfYear(kind, id, 2025)).toEqual({
        ok: false,
        refusal: {
          kind: 'unprocessable',
          code: 'period-outside-year',
          detail: `"${id}" is not a ${kind} period of fiscal year 2025 (its days run from 2025-01-01 to 2026-02-10, 출납정리 included)`,
          context: { rule: '지방회계법 제6조제1항, 제7조제3항', kind, period: id, year: 2025, completionDate: '2026-02-10' },
        },
      });
    }
  });

  it('stops a closing whose trial balance does not balance, naming the differences', () => {
    const job = { gov: '11110', period: periodOf('monthly', '2025-02') };
    const inputs = { totals, opening, lines: [], carryOvers: [], entities: [], prior: { totals: [], opening: [] }, itemsRead: 0 };
    expect(unbalancedTrialBalance(job, inputs)).toBeUndefined();
    const broken = unbalancedTrialBalance(job, {
      ...inputs,
      totals: [...totals, { fund: 'GEN', account: '5201', day: '2025-02-03', debit: 1, credit: 0 }],
    });
    expect(broken).toMatchObject({
      kind: 'unprocessable',
      code: 'trial-balance-unbalanced',
      detail: 'the trial balance of 11110 2025-02 does not balance; nothing was archived',
    });
    expect(broken?.context.differences).toEqual([{ check: 'trial-balance.GEN.debit=credit', expected: '2100001', actual: '2100000' }]);
  });

  it('is done once every step of its kind is completed', () => {
    expect(closingStatus('monthly', ['close-period', 'archive-reports'])).toBe('running');
    expect(closingStatus('monthly', ['close-period', 'archive-reports', 'reconcile'])).toBe('done');
    expect(closingStatus('year-end', ['close-period', 'archive-reports', 'reconcile'])).toBe('running');
  });
});

describe('명시이월 and 계속비이월 rest on the year’s final budget (지방재정법 제50조①③)', () => {
  const basis = {
    version: 2,
    provisions: {
      explicitCarryOvers: [{ lineId: 'E1', amount: 300, reason: '공기 연장' }],
      continuingExpenditures: [
        {
          id: 'CE',
          name: '교량',
          lineId: 'E2',
          total: 900,
          years: [
            { year: 2026, amount: 300 },
            { year: 2027, amount: 300 },
            { year: 2028, amount: 300 },
          ],
        },
      ],
    },
  };
  const codeOf = (kind: 'explicit' | 'continuing' | 'accident', lineId: string, amount: number, year = 2026) =>
    carryOverBasisRefusal({ lineId, kind, amount, reason: 'x' }, year, basis)?.code;

  it('명시이월: a listed line up to its approved amount, nothing else', () => {
    expect(codeOf('explicit', 'E1', 300)).toBeUndefined();
    expect(codeOf('explicit', 'E1', 301)).toBe('explicit-carry-over-exceeds-approved');
    expect(codeOf('explicit', 'E2', 1)).toBe('explicit-carry-over-not-approved');
  });

  it('계속비이월: a 계속비 line year by year until its completion year', () => {
    expect(codeOf('continuing', 'E2', 300, 2026)).toBeUndefined();
    expect(codeOf('continuing', 'E2', 300, 2027)).toBeUndefined();
    expect(codeOf('continuing', 'E2', 1, 2028)).toBe('continuing-carry-over-past-completion');
    expect(codeOf('continuing', 'E2', 1, 2029)).toBe('continuing-carry-over-not-continuing');
    expect(codeOf('continuing', 'E1', 1)).toBe('continuing-carry-over-not-continuing');
  });

  it('사고이월 does not rest on the 예산총칙', () => {
    expect(codeOf('accident', 'E9', 1)).toBeUndefined();
  });
});

describe('carried budgets (이월예산) carry on only as the law allows', () => {
  const from = (carryKind: 'explicit' | 'accident' | 'continuing') => ({ carryKind, originYear: 2026, originLineId: 'E1' });
  it('사고이월 never again; 명시이월 → 사고이월 once; 계속비이월 year by year (지방재정법 제50조③)', () => {
    const codeOf = (carried: 'explicit' | 'accident' | 'continuing', kind: 'explicit' | 'accident' | 'continuing') =>
      carriedAgainRefusal(from(carried), kind, 'E1.C2026X')?.code;
    expect(codeOf('accident', 'accident')).toBe('carried-budget-not-carried-again');
    expect(codeOf('accident', 'explicit')).toBe('carried-budget-not-carried-again');
    expect(codeOf('explicit', 'accident')).toBeUndefined();
    expect(codeOf('explicit', 'explicit')).toBe('carried-budget-not-carried-again');
    expect(codeOf('continuing', 'continuing')).toBeUndefined();
    expect(codeOf('continuing', 'explicit')).toBe('carried-budget-not-carried-again');
  });

  it('names the carried line apart from the origin line, by year and kind', () => {
    expect(carriedLineId('E.GEN.P01.U01.D001.201-01', 2026, 'accident')).toBe('E.GEN.P01.U01.D001.201-01.C2026A');
    expect(carriedLineId('E1.C2026E', 2027, 'accident')).toBe('E1.C2026E.C2027A');
  });

  it('a 사고이월 names only commitments without an unpaid 지출결의 (that part is 과년도 지출)', () => {
    const ledger = new Map([
      ['c1', { commitmentId: 'c1', year: 2026, lineId: 'E1', amount: 100, resolved: 60, paid: 40 }],
      ['c2', { commitmentId: 'c2', year: 2026, lineId: 'E1', amount: 100, resolved: 40, paid: 40 }],
    ]);
    const carry = (ids: string[], amount: number) =>
      accidentCarryOverRefusal({ lineId: 'E1', kind: 'accident', amount, reason: 'x', commitmentIds: ids }, 2026, ledger)?.code;
    expect(carry(['c1'], 60)).toBe('carry-over-commitment-fixed');
    expect(carry(['c2'], 60)).toBeUndefined();
    expect(carry(['c2'], 61)).toBe('carry-over-exceeds-unpaid-commitments');
  });

  it('a 사고이월 names its ground (지방재정법 제50조②) and the cap follows it', () => {
    // 예산현액 1,000,000, 원인행위 800,000: 제2–4호 carry at most the 200,000 not committed.
    const ground = (carry: Partial<CarryOver>) =>
      carryOverGroundRefusal({ lineId: 'E.A1', kind: 'accident', amount: 1, reason: 'x', ...carry }, line);
    expect(ground({})).toMatchObject({ code: 'accident-carry-over-ground-required', context: { rule: '지방재정법 제50조제2항' } });
    expect(ground({ ground: 'commitment', amount: 300_000 })).toBeUndefined();
    expect(ground({ ground: 'recurring-cost', amount: 200_000 })).toBeUndefined();
    expect(ground({ ground: 'bid-announced', amount: 200_001 })).toMatchObject({
      code: 'accident-carry-over-exceeds-uncommitted',
      context: { rule: '지방재정법 제50조제2항제2호', requested: 200_001, available: 200_000 },
    });
    expect(ground({ ground: 'loss-compensation', commitmentIds: ['c1'] })).toMatchObject({
      code: 'accident-carry-over-commitments-not-of-ground',
      context: { rule: '지방재정법 제50조제2항제3호' },
    });
    expect(carryOverGroundRefusal({ lineId: 'E.A1', kind: 'explicit', amount: 1, reason: 'x', ground: 'commitment' }, line)).toMatchObject({
      code: 'carry-over-ground-not-accident',
    });
    expect(carryOverGroundRefusal({ lineId: 'E.A1', kind: 'explicit', amount: 1, reason: 'x' }, line)).toBeUndefined();
  });

  it('a 명시이월 holds the commitments it carries across the years (지방회계법 제30조)', () => {
    const ledger = new Map([
      ['c1', { commitmentId: 'c1', year: 2026, lineId: 'E3', amount: 80, resolved: 0, paid: 0 }],
      ['c2', { commitmentId: 'c2', year: 2026, lineId: 'E3', amount: 100, resolved: 60, paid: 40 }],
      ['c3', { commitmentId: 'c3', year: 2026, lineId: 'E1', amount: 10, resolved: 0, paid: 0 }],
    ]);
    const carry = (ids: string[], amount: number) =>
      explicitCommitmentsRefusal({ lineId: 'E3', kind: 'explicit', amount, reason: 'x', commitmentIds: ids }, 2026, ledger);
    expect(carry([], 1)).toBeUndefined();
    expect(carry(['c1'], 80)).toBeUndefined();
    expect(carry(['c1'], 79)).toMatchObject({
      code: 'explicit-carry-over-below-commitments',
      context: { rule: '지방회계법 제30조; 지방재정법 제50조제1항', requested: 79, needed: 80 },
    });
    expect(carry(['c2'], 100)?.code).toBe('carry-over-commitment-fixed');
    expect(carry(['c3'], 100)?.code).toBe('carry-over-commitment-not-on-line');
  });
});
