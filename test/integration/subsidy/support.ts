import { now } from '#shared/clock.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { createSubsidyProgram } from '#shared/routes/subsidy.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';

/** A 사업 with its 공모 in February (groups, own share ≥ 10 %), created by the budget office. */
export async function publicCallProgram(
  gov: string,
  year: number,
  caller: TestCaller,
  program: { readonly programId: string; readonly name: string; readonly lineId: string; readonly budget: number },
): Promise<void> {
  const created = await callRoute(createSubsidyProgram, {
    params: { gov, year },
    body: {
      ...program,
      minOwnShareBp: 1000,
      eligibleKinds: ['group'],
      selection: { kind: 'public-call', opensOn: `${year}-02-01`, closesOn: `${year}-02-28` },
    },
    caller,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}

/** The operations of the business clock's month's audit records of a government that start with `prefix`. */
export async function auditOperations(gov: string, prefix: string): Promise<string[]> {
  const month = now().toISOString().slice(0, 7);
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${gov}#${month}` },
    }),
  );
  return Items.map((item) => String(item.operation)).filter((operation) => operation.startsWith(prefix));
}
