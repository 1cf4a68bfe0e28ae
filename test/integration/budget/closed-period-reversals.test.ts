import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { allocateCash, allotBudget, getBudgetLineHistory, reverseAllotment, reverseCashAllocation } from '#shared/routes/budget.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, finalBudget, reserve, revenue, setUpStructure } from './support.ts';

await useTestStack();

/**
 * A reversal is a posting into the period of its original: once settlement has frozen that period
 * (its marker exists, closing or closed) the reversal is refused with the closed-period codes, and
 * the refusal is decided in the reversal's own transaction, so nothing of it is written.
 */
const gov = '26000'; // 부산광역시
const year = 2027;
const c = callers(gov);
const events = expenditure({ detailCode: 'EVENT', statItem: '201-03', amount: 1_000 });
const eventsId = 'E.GEN.P01.U01.EVENT.201-03';

/** Settlement's marker of a period in state `closing`, as the first step of a closing writes it. */
const freeze = (period: string) =>
  dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...closingKey(gov, year, period), entity: 'closed-period', gov, year, period, state: 'closing' },
    }),
  );
const thaw = (period: string) => dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: closingKey(gov, year, period) }));

describe('reversals into a closed period', () => {
  beforeAll(async () => {
    await setUpStructure(gov);
    await finalBudget(gov, year, 'original', [events, reserve(10), revenue({ amount: 1_010 })]);
  });

  it('refuses a cash allocation reversal into a closed month and changes nothing', async () => {
    const allocated = await callRoute(allocateCash, {
      params: { gov, year },
      body: { fund: 'GEN', month: '2027-01', amount: 700, reference: 'C1' },
      caller: c.budgetOfficer,
    });
    expect(allocated.status).toBe(201);
    const reverse = () =>
      callRoute(reverseCashAllocation, {
        params: { gov, year, allocationId: 'C.GEN.2027-01.C1' },
        body: { reference: 'CR1', reason: '과다 배정' },
        caller: c.budgetOfficer,
      });

    await freeze('MONTH#2027-01');
    const refused = await reverse();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'period-closed', context: { year, periodKind: 'month', period: '2027-01' } });

    // nothing was written: once the month opens again the reversal is a first one (201), from 700
    await thaw('MONTH#2027-01');
    const reversed = await reverse();
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ amount: -700, allocated: 0, reverses: 'C.GEN.2027-01.C1' });
  });

  it('refuses an allotment reversal into a closed year and changes nothing', async () => {
    const allotted = await callRoute(allotBudget, {
      params: { gov, year },
      body: { lineId: eventsId, quarter: 1, kind: 'regular', amount: 600, reference: 'A1' },
      caller: c.budgetOfficer,
    });
    expect(allotted.status).toBe(201);
    const reverse = () =>
      callRoute(reverseAllotment, {
        params: { gov, year, allotmentId: `A.${eventsId}.A1` },
        body: { reference: 'R1', reason: '계획 변경' },
        caller: c.budgetOfficer,
      });

    await freeze('YEAR');
    const refused = await reverse();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'year-closed', context: { year } });
    const history = await callRoute(getBudgetLineHistory, { params: { gov, year, lineId: eventsId }, caller: c.head });
    expect(history.body.control).toMatchObject({ budget: 1_000, allotted: 600 });
    expect(history.body.allotments.map((a: { amount: number }) => a.amount)).toEqual([600]);

    await thaw('YEAR');
    const reversed = await reverse();
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ amount: -600, allotted: 0 });
  });
});
