import { describe, expect, it } from 'vitest';
import {
  allotBudget,
  createBudgetVersion,
  editBudgetLines,
  getBudgetLineHistory,
  getBudgetVersion,
  listBudgetLines,
} from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, finalBudget, reserve, revenue, setUpStructure } from './support.ts';

await useTestStack();

const gov = '11140'; // 중구 (서울)
const year = 2028;
const c = callers(gov);
const params = { gov, year, version: 0 };
const N = 8;

describe('concurrent changes to one version', () => {
  it('lets exactly one of N edits at the same revision win; retried losers lose no update', async () => {
    await setUpStructure(gov);
    expect(
      (await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind: 'original' }, caller: c.budgetOfficer })).status,
    ).toBe(201);
    const edit = (i: number, revision: number) =>
      callRoute(editBudgetLines, {
        params,
        body: { revision, upsert: [expenditure({ detailCode: `C${i}`, amount: 100 + i })] },
        caller: c.budgetOfficer,
      });

    const first = await Promise.all(Array.from({ length: N }, (_, i) => edit(i, 0)));
    const winners = first.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.body.revision).toBe(1);
    for (const loser of first.filter((r) => r.status !== 200)) {
      expect(loser.status).toBe(409);
      expect(loser.body).toMatchObject({ code: 'revision-conflict', context: { sent: 0 } });
    }

    // every loser retries with a fresh revision until it gets through
    const pending = new Set(first.flatMap((r, i) => (r.status === 200 ? [] : [i])));
    while (pending.size > 0) {
      const { revision } = (await callRoute(getBudgetVersion, { params, caller: c.budgetOfficer })).body;
      const round = await Promise.all([...pending].map(async (i) => [i, await edit(i, revision)] as const));
      const won = round.filter(([, r]) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const [i] of won) pending.delete(i);
    }
    const version = (await callRoute(getBudgetVersion, { params, caller: c.budgetOfficer })).body;
    const expected = Array.from({ length: N }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    expect(version).toMatchObject({ revision: N, lineCount: N, expenditureTotal: String(expected) });
    const lines = (await callRoute(listBudgetLines, { params, caller: c.budgetOfficer })).body.items;
    expect(lines.map((l: { amount: number }) => l.amount).sort()).toEqual(Array.from({ length: N }, (_, i) => 100 + i).sort());
  });

  it('never allots beyond the budget under concurrent allotments of one line', async () => {
    await finalBudget(gov, year + 1, 'original', [
      expenditure({ detailCode: 'HOT', amount: 1_000 }),
      reserve(10),
      revenue({ amount: 1_010 }),
    ]);
    const lineId = 'E.GEN.P01.U01.HOT.201-01';
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        callRoute(allotBudget, {
          params: { gov, year: year + 1 },
          body: { lineId, quarter: 1, amount: 300, kind: 'regular', reference: `H${i}` },
          caller: c.budgetOfficer,
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(3);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.code).toBe('allotment-exceeds-budget');
    const history = await callRoute(getBudgetLineHistory, { params: { gov, year: year + 1, lineId }, caller: c.budgetOfficer });
    expect(history.body.control).toMatchObject({ budget: 1_000, allotted: 900 });
    expect(history.body.allotments).toHaveLength(3);
  });
});
