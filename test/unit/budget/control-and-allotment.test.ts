import { describe, expect, it } from 'vitest';
import { allotmentBreach, allotmentReversalBreach, cashReversalBreach, monthInYear } from '#shared/domain/budget/allotment.ts';
import { planControlSync } from '#shared/domain/budget/control-sync.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { provisionalLines, provisionalRefusal } from '#shared/domain/budget/provisional.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';
import { expenditureLineInput } from '#test/support/budget-lines.ts';

const spend = (detailCode: string, amount: number, mandatory = false): BudgetLine =>
  toBudgetLine({ ...expenditureLineInput({ detailCode, amount }), mandatory });

describe('allotment limits', () => {
  it('allows allotting exactly up to the budget and refuses one won more, with the numbers', () => {
    expect(allotmentBreach({ budget: 1000, allotted: 400 }, 600)).toBeUndefined();
    expect(allotmentBreach({ budget: 1000, allotted: 400 }, 601)).toEqual({
      rule: 'allotted + amount ≤ budget',
      requested: 601,
      available: 600,
      numbers: { budget: 1000, allotted: 400 },
    });
  });

  it('lets a reversal take back only what is not committed', () => {
    expect(allotmentReversalBreach({ allotted: 600, committed: 100 }, 500)).toBeUndefined();
    expect(allotmentReversalBreach({ allotted: 600, committed: 101 }, 500)).toMatchObject({
      available: 499,
      rule: 'allotted − reversal ≥ committed',
    });
    expect(cashReversalBreach({ allocated: 50, paid: 50 }, 1)).toMatchObject({ available: 0 });
  });

  it('keeps cash months inside the fiscal year and its 출납정리 January (지방회계법 제7조: the listed exceptions pay until 20 January)', () => {
    expect(monthInYear('2026-12', 2027)).toBe(false);
    expect(monthInYear('2027-01', 2027)).toBe(true);
    expect(monthInYear('2027-12', 2027)).toBe(true);
    expect(monthInYear('2028-01', 2027)).toBe(true);
    expect(monthInYear('2028-02', 2027)).toBe(false);
  });
});

describe('control items of a final version', () => {
  it('writes every line and zeroes lines that left the budget', () => {
    const plan = planControlSync(
      [spend('A', 100), spend('B', 50)],
      [
        { lineId: spend('A', 0).lineId, budget: 80, allotted: 80, carryIn: 0 },
        { lineId: spend('GONE', 0).lineId, budget: 30, allotted: 0, carryIn: 0 },
      ],
    );
    expect(plan).toEqual({
      ok: true,
      writes: [
        expect.objectContaining({
          lineId: spend('A', 0).lineId,
          budget: 100,
          fund: 'GEN',
          itemCode: '201-01',
          dept: 'D100',
          kind: 'expenditure',
        }),
        expect.objectContaining({ lineId: spend('B', 0).lineId, budget: 50 }),
      ],
      zeroed: [{ lineId: spend('GONE', 0).lineId, budget: 0, carryIn: 0, enacted: 0, changesNetWas: 0 }],
    });
  });

  it("adds last year's carry-in to the version amount (예산현액) and keeps it for lines that left the budget", () => {
    const carried = spend('A', 0).lineId;
    const gone = spend('GONE', 0).lineId;
    const plan = planControlSync(
      [spend('A', 100)],
      [
        { lineId: carried, budget: 125, allotted: 120, carryIn: 25 },
        { lineId: gone, budget: 40, allotted: 10, carryIn: 10 },
      ],
      new Map([
        [carried, 25],
        [gone, 10],
      ]),
    );
    expect(plan).toEqual({
      ok: true,
      writes: [expect.objectContaining({ lineId: carried, budget: 125, carryIn: 25 })],
      zeroed: [{ lineId: gone, budget: 10, carryIn: 10, enacted: 0, changesNetWas: 0 }],
    });
  });

  it('counts the carry-in when checking the new budget against what is allotted', () => {
    const carried = spend('A', 0).lineId;
    const existing = [{ lineId: carried, budget: 125, allotted: 120, carryIn: 25 }];
    expect(planControlSync([spend('A', 95)], existing, new Map([[carried, 25]])).ok).toBe(true);
    expect(planControlSync([spend('A', 94)], existing, new Map([[carried, 25]]))).toEqual({
      ok: false,
      violations: [{ lineId: carried, budget: 119, allotted: 120 }],
    });
  });

  it('refuses a supplementary budget below what is already allotted, listing the lines and numbers', () => {
    const plan = planControlSync(
      [spend('A', 79)],
      [
        { lineId: spend('A', 0).lineId, budget: 100, allotted: 80, carryIn: 0 },
        { lineId: spend('GONE', 0).lineId, budget: 30, allotted: 1, carryIn: 0 },
      ],
    );
    expect(plan).toEqual({
      ok: false,
      violations: [
        { lineId: spend('A', 0).lineId, budget: 79, allotted: 80 },
        { lineId: spend('GONE', 0).lineId, budget: 0, allotted: 1 },
      ],
    });
  });
});

describe('provisional budget (준예산)', () => {
  const none = { finalVersion: undefined, provisional: false };
  it('opens only from 1 January (Korean date) of the year without a final budget', () => {
    expect(provisionalRefusal(2027, '2026-12-31T14:59:59.000Z', none)?.code).toBe('not-yet-open');
    expect(provisionalRefusal(2027, '2026-12-31T15:00:00.000Z', none)).toBeUndefined();
    expect(provisionalRefusal(2027, '2027-01-05T00:00:00.000Z', { finalVersion: 0, provisional: false })?.code).toBe(
      'budget-already-final',
    );
    expect(provisionalRefusal(2027, '2027-01-05T00:00:00.000Z', { finalVersion: undefined, provisional: true })?.code).toBe(
      'provisional-already-open',
    );
  });

  it('holds only the mandatory expenditure lines', () => {
    const lines = [
      spend('SALARY', 900, true),
      spend('EVENT', 50),
      toBudgetLine({ kind: 'revenue', account: 'GEN', category: '1', item: 'T', name: '세', dept: 'D1', amount: 950 }),
    ];
    expect(provisionalLines(lines).map((line) => [line.detailCode, line.amount])).toEqual([['SALARY', 900]]);
  });
});
