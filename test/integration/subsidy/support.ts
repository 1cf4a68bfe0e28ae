import { now } from '#shared/clock.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { decideGrant } from '#shared/application/subsidy/decide-grant.ts';
import type { DecisionInput } from '#shared/application/subsidy/decide-grant.ts';
import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
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

/** The committee's review (심의) of an application: 3 of 5 members present, all in favour of `approvedAmount`. */
export const committeeApproval = (meetingDate: string, approvedAmount: number) => ({
  meetingDate,
  registered: 5,
  present: ['m1', 'm2', 'm3'],
  recused: [],
  inFavour: 3,
  approvedAmount,
  conditions: [],
});

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

/** A department official's request, as the handler would build it, for calling a use case directly. */
const officialRequest = (caller: TestCaller): RequestInfo => ({
  requestId: `held-${caller.gov}`,
  sourceIp: '127.0.0.1',
  bodySha256: '',
  receivedAt: new Date().toISOString(),
  caller: { sub: caller.sub, roles: caller.roles, gov: caller.gov, dept: undefined } as RequestInfo['caller'],
  actingRole: 'department_official',
  headers: {},
});

/**
 * A 교부결정 held after its nationwide check, inside its commitment posting: `checked` settles once it
 * is held (true) or once it ended before reaching the ledger (false); `release` lets it write. The
 * interleaving is forced, never timed.
 */
export function heldDecision(
  caller: TestCaller,
  target: { readonly gov: string; readonly year: number; readonly applicationId: string },
  input: DecisionInput,
): { readonly decision: ReturnType<typeof decideGrant>; readonly checked: Promise<boolean>; readonly release: () => void } {
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const inLedger = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const holding: SubsidyLedger = {
    ...postingLedger,
    commit: async (commitment) => {
      reached();
      await held;
      return postingLedger.commit(commitment);
    },
  };
  const decision = decideGrant({ request: officialRequest(caller), ...target }, input, holding);
  const ended = decision.then(
    () => false,
    () => false,
  );
  return { decision, checked: Promise.race([inLedger.then(() => true), ended]), release };
}
