import { describe, expect, it } from 'vitest';
import { allotBudget, getBudgetLineHistory, openProvisionalBudget } from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, finalBudget, reserve, revenue, setUpStructure } from './support.ts';

await useTestStack();

// The embedded clock is the real one: these years are chosen relative to it.
const thisYear = new Date(Date.now() + 9 * 3_600_000).getUTCFullYear();
const gov = '47000'; // 경상북도
const c = callers(gov);
const salaries = expenditure({ detailCode: 'SALARY', statItem: '101-04', amount: 9_000, mandatory: true });
const festival = expenditure({ detailCode: 'FESTIVAL', statItem: '201-03', amount: 1_000 });
const salariesId = 'E.GEN.P01.U01.SALARY.101-04';
const festivalId = 'E.GEN.P01.U01.FESTIVAL.201-03';
const open = (year: number) => callRoute(openProvisionalBudget, { params: { gov, year }, caller: c.budgetOfficer });
const allot = (year: number, lineId: string, amount: number, reference: string) =>
  callRoute(allotBudget, {
    params: { gov, year },
    body: { lineId, quarter: 1, amount, kind: 'regular', reference },
    caller: c.budgetOfficer,
  });

describe('provisional budget (준예산)', () => {
  it('opens from 1 January without a final budget, with only the mandatory lines of last year', async () => {
    await setUpStructure(gov);
    await finalBudget(gov, thisYear - 1, 'original', [salaries, festival, reserve(100), revenue({ amount: 10_100 })]);

    const notYet = await open(thisYear + 1);
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('not-yet-open');

    const opened = await open(thisYear);
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({ gov, year: thisYear, basedOnYear: thisYear - 1, basedOnVersion: 0, lineCount: 1, total: '9000' });
    expect((await open(thisYear)).body.code).toBe('provisional-already-open');

    // execution finds only the mandatory line, with last year's amount as its budget
    const nonMandatory = await allot(thisYear, festivalId, 1, 'P1');
    expect(nonMandatory.status).toBe(404);
    expect(nonMandatory.body.code).toBe('line-not-controlled');
    expect((await allot(thisYear, salariesId, 9_000, 'P2')).status).toBe(201);
    expect((await allot(thisYear, salariesId, 1, 'P3')).body.code).toBe('allotment-exceeds-budget');
  });

  it('gives way to the final budget, which keeps what was allotted under the provisional one', async () => {
    await finalBudget(gov, thisYear, 'original', [{ ...salaries, amount: 9_500 }, festival, reserve(100), revenue({ amount: 10_600 })]);
    const history = await callRoute(getBudgetLineHistory, { params: { gov, year: thisYear, lineId: salariesId }, caller: c.budgetOfficer });
    expect(history.body.control).toEqual({ budget: 9_500, allotted: 9_000, mandatory: true, provisional: false });
    expect((await allot(thisYear, festivalId, 1_000, 'P4')).status).toBe(201);
    expect((await open(thisYear)).body.code).toBe('budget-already-final');
  });

  it('needs a final budget of the previous year to repeat', async () => {
    const result = await callRoute(openProvisionalBudget, {
      params: { gov: '47110', year: thisYear },
      caller: { ...c.budgetOfficer, gov: '47110' },
    });
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('no-previous-budget');
  });
});
