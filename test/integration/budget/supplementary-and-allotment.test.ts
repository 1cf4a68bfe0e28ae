import { describe, expect, it } from 'vitest';
import {
  allocateCash,
  allotBudget,
  createBudgetVersion,
  diffBudgetVersions,
  editBudgetLines,
  getBudgetLineHistory,
  getNationalBudgetTotal,
  reverseAllotment,
  reverseCashAllocation,
  transitionBudgetVersion,
} from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, finalBudget, reserve, revenue, setUpStructure, step } from './support.ts';

await useTestStack();

const gov = '26000'; // 부산광역시
const year = 2027;
const c = callers(gov);
const roads = expenditure({
  policyCode: 'P05',
  unitCode: 'U05',
  detailCode: 'ROAD',
  statItem: '401-01',
  sector: '026',
  amount: 1_000,
  assetClass: 'infrastructure',
});
const events = expenditure({ detailCode: 'EVENT', statItem: '201-03', amount: 500 });
const roadsId = 'E.GEN.P05.U05.ROAD.401-01';
const eventsId = 'E.GEN.P01.U01.EVENT.201-03';
const allot = (body: Record<string, unknown>) =>
  callRoute(allotBudget, {
    params: { gov, year },
    body: { lineId: roadsId, quarter: 1, kind: 'regular', ...body },
    caller: c.budgetOfficer,
  });

describe('allotment, cash allocation and the supplementary budget', () => {
  it('allots exactly up to the budget and refuses one won more', async () => {
    await setUpStructure(gov);
    const final = await finalBudget(gov, year, 'original', [roads, events, reserve(10), revenue({ amount: 1_510 })]);
    expect(final.state).toBe('final');

    expect((await allot({ amount: 600, reference: 'A1' })).status).toBe(201);
    const early = await allot({ amount: 400, quarter: 3, kind: 'early', reference: 'A2' });
    expect(early.status).toBe(201);
    expect(early.body).toMatchObject({ allotted: 1_000, budget: 1_000, kind: 'early' });
    const over = await allot({ amount: 1, reference: 'A3' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'allotment-exceeds-budget',
      context: { rule: 'allotted + amount ≤ budget', requested: 1, available: 0, numbers: { budget: 1_000, allotted: 1_000 } },
    });
  });

  it('applies a repeated allotment once and refuses a reused reference with other content', async () => {
    const replay = await allot({ amount: 600, reference: 'A1' });
    expect(replay.status).toBe(200);
    expect(replay.body.allotmentId).toBe(`A.${roadsId}.A1`);
    const reused = await allot({ amount: 5, reference: 'A1' });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('reference-used');
  });

  it('reverses an allotment once, with a posting that references it', async () => {
    const path = { gov, year, allotmentId: `A.${roadsId}.A2` };
    const reversal = await callRoute(reverseAllotment, {
      params: path,
      body: { reference: 'R1', reason: '계획 변경' },
      caller: c.budgetOfficer,
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'reversal',
      amount: -400,
      reverses: `A.${roadsId}.A2`,
      allotted: 600,
      reason: '계획 변경',
    });
    const repeated = await callRoute(reverseAllotment, {
      params: path,
      body: { reference: 'R1', reason: '계획 변경' },
      caller: c.budgetOfficer,
    });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toMatchObject({ allotmentId: `A.${roadsId}.A2~R`, amount: -400, allotted: 600 });
    const again = await callRoute(reverseAllotment, { params: path, body: { reference: 'R2', reason: '중복' }, caller: c.budgetOfficer });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-reversed');
    const history = await callRoute(getBudgetLineHistory, { params: { gov, year, lineId: roadsId }, caller: c.head });
    expect(history.body.control).toMatchObject({ budget: 1_000, allotted: 600 });
    expect(history.body.allotments.map((a: { amount: number; reversedBy: string | null }) => [a.amount, a.reversedBy])).toEqual([
      [600, null],
      [400, `A.${roadsId}.A2~R`],
      [-400, null],
    ]);
  });

  it('allocates cash per account and month and reverses it', async () => {
    const body = { fund: 'GEN', month: '2027-01', amount: 700, reference: 'C1' };
    const first = await callRoute(allocateCash, { params: { gov, year }, body, caller: c.budgetOfficer });
    expect(first.status).toBe(201);
    const second = await callRoute(allocateCash, {
      params: { gov, year },
      body: { ...body, amount: 300, reference: 'C2' },
      caller: c.budgetOfficer,
    });
    expect(second.body).toMatchObject({ allocated: 1_000 });
    // the same reference with the same body replays the first answer; with another body it is refused
    const repeated = await callRoute(allocateCash, { params: { gov, year }, body, caller: c.budgetOfficer });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toMatchObject({ allocationId: 'C.GEN.2027-01.C1', amount: 700, allocated: 700 });
    const reused = await callRoute(allocateCash, {
      params: { gov, year },
      body: { ...body, amount: 701 },
      caller: c.budgetOfficer,
    });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'reference-used', context: { allocationId: 'C.GEN.2027-01.C1' } });
    const outside = await callRoute(allocateCash, {
      params: { gov, year },
      body: { ...body, month: '2028-02', reference: 'C3' },
      caller: c.budgetOfficer,
    });
    expect(outside.body.code).toBe('month-outside-year');
    // January of the next year: the cash the listed exceptions still pay until 20 January (지방회계법 제7조제1항 단서)
    const settling = await callRoute(allocateCash, {
      params: { gov, year },
      body: { ...body, month: '2028-01', reference: 'C4' },
      caller: c.budgetOfficer,
    });
    expect(settling.body).toMatchObject({ allocationId: 'C.GEN.2028-01.C4', allocated: 700 });
    const reversal = await callRoute(reverseCashAllocation, {
      params: { gov, year, allocationId: 'C.GEN.2027-01.C1' },
      body: { reference: 'CR1', reason: '과다 배정' },
      caller: c.budgetOfficer,
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ amount: -700, allocated: 300, reverses: 'C.GEN.2027-01.C1' });
    const reversalParams = { gov, year, allocationId: 'C.GEN.2027-01.C1' };
    const repeatedReversal = await callRoute(reverseCashAllocation, {
      params: reversalParams,
      body: { reference: 'CR1', reason: '과다 배정' },
      caller: c.budgetOfficer,
    });
    expect(repeatedReversal.status).toBe(200);
    expect(repeatedReversal.body).toMatchObject({ allocationId: 'C.GEN.2027-01.C1~R', allocated: 300 });
    const secondReversal = await callRoute(reverseCashAllocation, {
      params: reversalParams,
      body: { reference: 'CR2', reason: '중복' },
      caller: c.budgetOfficer,
    });
    expect(secondReversal.status).toBe(409);
    expect(secondReversal.body.code).toBe('already-reversed');
  });

  it('copies the final version into a supplementary one, diffs them, and refuses a budget below the allotted amount', async () => {
    const created = await callRoute(createBudgetVersion, {
      params: { gov, year },
      body: { kind: 'supplementary' },
      caller: c.budgetOfficer,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      basedOn: 0,
      lineCount: 4,
      expenditureTotal: '1510',
      title: '2027년도 제1회 추가경정예산',
    });
    const again = await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind: 'supplementary' }, caller: c.budgetOfficer });
    expect(again.body.code).toBe('version-open');

    const params = { gov, year, version: 1 };
    // roads cut to 599 (600 is allotted), events dropped, a new line added, revenue raised to balance
    const edit = await callRoute(editBudgetLines, {
      params,
      body: {
        revision: 0,
        upsert: [
          { ...roads, amount: 599 },
          expenditure({ detailCode: 'FLOOD', statItem: '401-02', sector: '025', amount: 1_000, assetClass: 'infrastructure' }),
          revenue({ amount: 1_609 }),
        ],
        remove: [eventsId],
      },
      caller: c.budgetOfficer,
    });
    expect(edit.status).toBe(200);
    const diff = await callRoute(diffBudgetVersions, { params, query: { against: '0' }, caller: c.council });
    expect(diff.body).toMatchObject({
      from: 0,
      to: 1,
      added: [{ lineId: 'E.GEN.P01.U01.FLOOD.401-02', before: 0, after: 1_000, delta: '1000' }],
      removed: [{ lineId: eventsId, before: 500, after: 0, delta: '-500' }],
      changed: [
        { lineId: roadsId, before: 1_000, after: 599, delta: '-401' },
        { lineId: 'R.GEN.1.ACQTAX', before: 1_510, after: 1_609, delta: '99' },
      ],
      unchangedCount: 1,
      expenditureDelta: '99',
      revenueDelta: '99',
    });

    let revision = (await step(gov, year, 1, 'request', edit.body.revision, c.budgetOfficer)).revision;
    revision = (await step(gov, year, 1, 'adjust', revision, c.otherBudgetOfficer)).revision;
    revision = (await step(gov, year, 1, 'submit', revision, c.head)).revision;
    revision = (await step(gov, year, 1, 'resolve', revision, c.council)).revision;
    const refused = await callRoute(transitionBudgetVersion, { params, body: { action: 'finalise', revision }, caller: c.head });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'budget-below-allotted',
      context: { rule: 'allotted ≤ budget', count: 1, violations: [{ lineId: roadsId, budget: 599, allotted: 600 }] },
    });

    // reversing the Q1 allotment makes room; the version becomes final and the control item keeps its counters
    expect(
      (
        await callRoute(reverseAllotment, {
          params: { gov, year, allotmentId: `A.${roadsId}.A1` },
          body: { reference: 'R3', reason: '추경 감액' },
          caller: c.budgetOfficer,
        })
      ).status,
    ).toBe(201);
    const final = await step(gov, year, 1, 'finalise', revision, c.head);
    expect(final).toMatchObject({ state: 'final', controlsSynced: true, expenditureTotal: '1609' });
    const roadsHistory = await callRoute(getBudgetLineHistory, { params: { gov, year, lineId: roadsId }, caller: c.head });
    expect(roadsHistory.body.versions).toEqual([
      { number: 0, state: 'final', amount: 1_000 },
      { number: 1, state: 'final', amount: 599 },
    ]);
    expect(roadsHistory.body.control).toMatchObject({ budget: 599, allotted: 0 });
    const dropped = await callRoute(getBudgetLineHistory, { params: { gov, year, lineId: eventsId }, caller: c.head });
    expect(dropped.body).toMatchObject({
      versions: [
        { number: 0, amount: 500 },
        { number: 1, amount: null },
      ],
      control: { budget: 0 },
    });

    const national = await callRoute(getNationalBudgetTotal, { params: { year }, caller: c.ministry });
    expect(national.body).toMatchObject({ governments: 1, expenditureTotal: '1609', items: [{ gov, version: 1 }] });
  });

  it('refuses a supplementary version to a government without a final budget, and the national total to a local official', async () => {
    const none = await callRoute(createBudgetVersion, {
      params: { gov, year: 2030 },
      body: { kind: 'supplementary' },
      caller: c.budgetOfficer,
    });
    expect(none.body.code).toBe('no-final-version');
    const local = await callRoute(getNationalBudgetTotal, { params: { year }, caller: c.budgetOfficer });
    expect(local.status).toBe(403);
  });
});
