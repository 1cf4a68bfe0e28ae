import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  decideSubsidyPublication,
  listNationalSubsidyExclusions,
  noticeSubsidyPublication,
  registerSubsidyExclusion,
} from '#shared/routes/subsidy.ts';
import { exclusionRefKey } from '#shared/stores/subsidy/keys.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * An exclusion registered before the ref item existed (보조금법 §32; its 명단 공표 names it, §30①2): its
 * register entry is there, its ref item is not. A 명단 공표 case naming it is taken all the same — found
 * in the register once, its ref item written then — and, published, marks the register entry.
 */
const GOV = '47110';
const budget: TestCaller = { sub: 'budget-47110', roles: ['budget_officer'], gov: GOV };
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };
const refItem = async (exclusionId: string) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: exclusionRefKey(GOV, exclusionId), ConsistentRead: true })))
    .Item;
const notice = (exclusionRef: string) =>
  callRoute(noticeSubsidyPublication, {
    params: { gov: GOV },
    body: {
      target: 'recipient-exclusion',
      particulars: {
        name: '(주)옛등록',
        address: '경상북도 포항시 남구 1',
        representative: { name: '구대표', age: 61 },
        violation: '허위 증빙으로 보조금 교부',
        measures: '교부결정 취소, 반환',
      },
      exclusionRef,
      noticeOn: '2027-02-01',
      statementBy: '2027-02-15',
    },
    caller: budget,
  });

describe('an exclusion without its ref item (registered before it existed)', () => {
  it('is found in the register once, gets its ref item, and a published case marks it', async () => {
    const registered = await callRoute(registerSubsidyExclusion, {
      params: { gov: GOV },
      body: {
        party: 'recipient',
        ground: 'fraud',
        count: 1,
        from: '2026-06-01',
        violation: '허위 증빙으로 보조금 교부',
        identity: { name: '(주)옛등록', businessNumber: '4192736505' },
      },
      caller: budget,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const exclusionId = registered.body.exclusionId as string;
    const written = await refItem(exclusionId);
    expect(written).toMatchObject({ registerSort: `2026-06-01#${GOV}#${exclusionId}` });
    // as it was before the ref item existed
    await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: exclusionRefKey(GOV, exclusionId) }));

    expect((await notice('X0000000000nothing')).body).toMatchObject({ status: 404, code: 'exclusion-not-found' });
    const noticed = await notice(exclusionId);
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(201);
    expect(await refItem(exclusionId)).toEqual(written);
    // idempotent: a second lookup finds the ref item and changes nothing
    expect((await notice(exclusionId)).status).toBe(201);
    expect(await refItem(exclusionId)).toEqual(written);

    const decided = await callRoute(decideSubsidyPublication, {
      params: { gov: GOV, publicationId: noticed.body.publicationId },
      body: { committeeOn: '2027-02-20', reason: '위원회 의결 (2027-02-20)', decidedOn: '2027-03-02', publish: true },
      caller: budget,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const listed = await callRoute(listNationalSubsidyExclusions, { caller: ministry });
    expect(listed.body.items.find((item: { exclusionId: string }) => item.exclusionId === exclusionId)).toMatchObject({
      publication: { gov: GOV, publicationId: noticed.body.publicationId, from: '2027-03-02' },
    });
  });
});
