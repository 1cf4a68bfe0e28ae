/**
 * Issue #20: execution against budget over the year for the head, the budget office, the council
 * and research institutes — `execution-status?by=month`, summed from the month's cash counters
 * (CASH#{회계}#{month}, moved by every payment), never from the postings.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { getExecutionRollup } from '#shared/routes/budget.ts';
import { cashControlKey } from '#shared/stores/budget/control-keys.ts';
import { callers } from '#test/integration/budget/support.ts';
import { seedAccount, seedLine } from '#test/integration/settlement/fixture.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

const GOV = '11110';
const YEAR = 2026;

/** A month's cash item as allocation and payments leave it (budget cash.ts, execution pay.ts). */
const cash = (fund: string, month: string, allocated: number, paid: number) =>
  dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...cashControlKey(GOV, YEAR, fund, month),
        entity: 'cash-control',
        gov: GOV,
        year: YEAR,
        fund,
        month,
        allocated,
        paid,
        claimed: paid,
      },
    }),
  );

beforeAll(async () => {
  await useTestStack();
  await seedAccount(GOV, 'GEN', 'general');
  await seedAccount(GOV, 'DISASTER', 'fund');
  await seedLine(GOV, YEAR, { lineId: 'E.GEN.P01.U01.D001.201-01', kind: 'expenditure', fund: 'GEN', budget: 40_000_000, paid: 9_000_000 });
  await seedLine(GOV, YEAR, {
    lineId: 'E.DISASTER.P01.U01.D001.201-01',
    kind: 'expenditure',
    fund: 'DISASTER',
    budget: 5_000_000,
    paid: 1_000_000,
  });
  await cash('GEN', '2026-06', 5_000_000, 3_000_000);
  await cash('GEN', '2026-03', 10_000_000, 4_000_000);
  await cash('GEN', '2027-01', 2_000_000, 2_000_000); // 출납정리기간: the year's payments made in January
  await cash('DISASTER', '2026-03', 1_000_000, 1_000_000); // 기금: outside the 세입세출예산 (지방재정법 §34③)
});

describe('execution against budget month by month', () => {
  it('sums each month from the cash counters, cumulative against the 예산현액, the 기금 apart', async () => {
    const result = await callRoute(getExecutionRollup, {
      params: { gov: GOV, year: YEAR },
      query: { by: 'month' },
      caller: callers(GOV).council,
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ by: 'month', budget: '40000000', paid: '9000000', executionRate: '22.50', groups: [] });
    expect(result.body.months).toEqual([
      { month: '2026-03', allocated: '10000000', paid: '4000000', cumulativePaid: '4000000', cumulativeRate: '10.00' },
      { month: '2026-06', allocated: '5000000', paid: '3000000', cumulativePaid: '7000000', cumulativeRate: '17.50' },
      { month: '2027-01', allocated: '2000000', paid: '2000000', cumulativePaid: '9000000', cumulativeRate: '22.50' },
    ]);
  });

  it('is an aggregate: the head and a research institute read it, another government does not', async () => {
    const head = await callRoute(getExecutionRollup, {
      params: { gov: GOV, year: YEAR },
      query: { by: 'month' },
      caller: callers(GOV).head,
    });
    expect(head.body.months).toHaveLength(3);
    const research = await callRoute(getExecutionRollup, {
      params: { gov: GOV, year: YEAR },
      query: { by: 'month' },
      caller: { sub: 'krila-1', roles: ['research'] },
    });
    expect(research.status).toBe(200);
    const other = await callRoute(getExecutionRollup, {
      params: { gov: GOV, year: YEAR },
      query: { by: 'month' },
      caller: callers('11140').council,
    });
    expect(other.status).toBe(403);
  });
});
