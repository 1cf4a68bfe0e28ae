import { describe, expect, it } from 'vitest';
import { allotBudget, createPreEstablished, reverseAllotment, reverseBudgetChange } from '#shared/routes/budget.ts';
import * as execution from '#shared/routes/execution.ts';
import { storeAcceptedPosting } from '#shared/stores/execution/posting-requests.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { drainPostings, postingMessage } from '#test/integration/execution/support.ts';
import { callers, expenditure, finalBudget, reserve, revenue, setUpStructure } from './support.ts';

useTestStack();

// 성립전예산 (지방재정법 §45) reversed while postings on its lines are accepted (202) but not yet applied:
// the reversal is refused, or the acceptance is; never a posting accepted and later rejected for a line that is gone.
const gov = '11215'; // 광진구
const year = 2026;
const date = '2026-11-30';
const c = callers(gov);
const revenueOfficer: TestCaller = { sub: 'ro-jung', roles: ['revenue_officer'], gov };
const office = expenditure({ statItem: '201-01', amount: 10_000_000 });
const grantLine = {
  ...expenditure({ policyCode: 'P02', unitCode: 'U03', detailCode: 'D010', statItem: '307-02', sector: '081', dept: 'D200', amount: 0 }),
  structureType: 'program' as const,
};
const { amount: _amount, ...grantRevenue } = revenue({ category: '5', item: 'NATSUB', name: '국고보조금', revenueCode: '5-1' });

let keys = 0;
const preEstablish = async (n: number, reference = `S-${n}`) => {
  const { amount: _none, ...line } = grantLine;
  const created = await callRoute(createPreEstablished, {
    params: { gov, year },
    body: {
      reference,
      reason: '국고보조 교부',
      line: { ...line, detailCode: `D${100 + n}` },
      revenue: { ...grantRevenue, item: `NATSUB${n}` },
      amount: 1_000_000,
      basis: { kind: 'disaster-recovery', plan: '호우 피해 복구계획', planDate: '2026-11-25' },
    },
    caller: c.head,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { changeId: string; to: string; grant: { revenueLineId: string } };
};
const reverse = (changeId: string) =>
  callRoute(reverseBudgetChange, {
    params: { gov, year, changeId },
    body: { reference: `${changeId.split('.')[1]}-R`, reason: '교부 취소' },
    caller: c.head,
  });
const assess = (lineId: string) =>
  callRoute(execution.assessRevenue, {
    params: { gov, year },
    body: { lineId, amount: 1_000, payer: '국가', dueDate: '2026-12-31', date },
    caller: revenueOfficer,
    headers: { 'Idempotency-Key': `pp-${++keys}` },
  });
const postingStatus = async (postingId: string) =>
  (await callRoute(execution.getPosting, { params: { gov, postingId }, caller: revenueOfficer })).body.status as string;

describe('a 성립전예산 reversed while postings on its lines wait for the consumer (issue #14)', () => {
  it('sets up a final budget', async () => {
    await setUpStructure(gov);
    await finalBudget(gov, year, 'original', [office, reserve(100_000), revenue({ amount: office.amount + 100_000 })]);
  });

  it('refuses the reversal while a posting accepted on the line is not applied, and applies that posting', async () => {
    const created = await preEstablish(1);
    const accepted = await assess(created.grant.revenueLineId);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);

    const refused = await reverse(created.changeId);
    expect(refused.body).toMatchObject({
      status: 422,
      code: 'pre-established-in-use',
      context: { lineId: created.grant.revenueLineId, pending: 1 },
    });
    await drainPostings();
    expect(await postingStatus(accepted.body.postingId)).toBe('applied');
    // decided: no longer pending, but now the line is assessed, so still refused (with the counter)
    expect((await reverse(created.changeId)).body).toMatchObject({ code: 'pre-established-in-use', context: { assessed: 1_000 } });
  });

  it('refuses an acceptance on a line its reversal removed, even one whose check read the line before', async () => {
    const created = await preEstablish(2);
    // the acceptance's check ran while the line was there (it is pending on it) …
    const late = {
      ...postingMessage(gov, created.grant.revenueLineId, { kind: 'assess', lineId: created.grant.revenueLineId } as never),
      pendingOn: [created.grant.revenueLineId],
    };
    expect((await reverse(created.changeId)).status).toBe(201);
    // … and its write comes after the reversal: it fails on the reversal's mark, nothing is queued
    const stored = await storeAcceptedPosting({
      message: late,
      requestHash: 'h',
      committedBy: undefined,
      acceptance: { operation: 'assessRevenue.accepted' },
    });
    expect(stored).toMatchObject({ ok: false, failed: new Set(['pending']) });
    const refused = await assess(created.grant.revenueLineId);
    expect(refused.body).toMatchObject({ status: 422, code: 'unknown-line' });
    // a 성립전예산 creating the same line again takes postings again
    await preEstablish(2, 'S-2-again');
    expect((await assess(created.grant.revenueLineId)).status).toBe(202);
    await drainPostings();
  });

  it('under a race of acceptances and the reversal, every posting answered 202 is applied', async () => {
    for (const n of [3, 4, 5]) {
      const created = await preEstablish(n);
      const [reversal, ...answers] = await Promise.all([
        reverse(created.changeId),
        ...Array.from({ length: 4 }, () => assess(created.grant.revenueLineId)),
      ]);
      await drainPostings();
      const accepted = answers.filter((answer) => answer.status === 202);
      for (const answer of answers) expect([202, 422]).toContain(answer.status);
      for (const answer of accepted) expect(await postingStatus(answer.body.postingId)).toBe('applied');
      // the reversal removed the lines only if nothing was accepted on them
      if (reversal!.status === 201) expect(accepted).toHaveLength(0);
      else expect(reversal!.body).toMatchObject({ code: expect.stringMatching(/^(pre-established-in-use|change-contention)$/) });
    }
  });

  it('refuses the reversal once an allotment was posted on the line, even one reversed since', async () => {
    const created = await preEstablish(6);
    const allotted = await callRoute(allotBudget, {
      params: { gov, year },
      body: { lineId: created.to, quarter: 4, amount: 100_000, kind: 'regular', reference: 'A-6' },
      caller: c.budgetOfficer,
    });
    expect(allotted.status, JSON.stringify(allotted.body)).toBe(201);
    const back = await callRoute(reverseAllotment, {
      params: { gov, year, allotmentId: allotted.body.allotmentId },
      body: { reference: 'A-6-R', reason: '교부 취소' },
      caller: c.budgetOfficer,
    });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect((await reverse(created.changeId)).body).toMatchObject({
      status: 422,
      code: 'pre-established-in-use',
      context: { lineId: created.to, allotments: 2, granted: 1_000_000 },
    });
  });
});
