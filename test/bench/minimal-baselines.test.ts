import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { drainMinimal } from '../../bench/harness/minimal-apply.ts';
import { startMinimalAccept } from '../../bench/harness/minimal-accept.ts';
import { httpCall } from '../../bench/harness/http-clients.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
const issuer = await loadDevIssuer();
const minimal = await startMinimalAccept(issuer.jwks, `tminimal-${Date.now().toString(36)}`);
afterAll(() => minimal.stop());

const token = await issuer.sign({ sub: 'fo-kim', roles: ['finance_officer'], gov: '11110' });
const commit = (key: string, amount: number, bearer = token) =>
  httpCall(minimal.url, {
    method: 'POST',
    path: '/governments/11110/years/2026/commitments',
    token: bearer,
    headers: { 'idempotency-key': key },
    body: { lineId: 'E.GEN.P0.U0.D0.201-01', amount, counterparty: 'v', contractRef: 'c', date: '2026-03-02' },
  });

describe('the minimal accept and apply baselines of the bench (issue #21)', () => {
  it('accepts what hojo accepts with one transaction and one message, and the minimal consumer applies each once', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => commit(`k-${n}`, n * 100)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    // The Idempotency-Key is taken by the first: the conditional write refuses a second.
    expect((await commit('k-1', 100)).status).toBe(409);

    const drained = await drainMinimal(minimal.queueUrl, 5, 2, 30_000);
    expect(drained.applied).toBe(5);
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: tableName(), Key: { pk: 'MIN#LINE#11110#E.GEN.P0.U0.D0.201-01', sk: 'CONTROL' } }),
    );
    expect(Item?.committed).toBe(1_500);
    const postingId = (answers[0]?.body as { postingId?: string } | undefined)?.postingId;
    const { Item: result } = await dynamoClient().send(
      new GetCommand({ TableName: tableName(), Key: { pk: `MIN#POSTING#11110#${postingId}`, sk: 'RESULT' } }),
    );
    expect(result?.journal).toHaveLength(2);
  });

  it('refuses a request without a verified token or an Idempotency-Key', async () => {
    const stranger = await (await loadDevIssuer()).sign({ sub: 'x', roles: ['finance_officer'], gov: '11110' });
    expect((await commit('k-9', 1, stranger)).status).toBe(400);
    const answer = await httpCall(minimal.url, { method: 'POST', path: '/governments/11110/years/2026/commitments', token, body: {} });
    expect(answer.status).toBe(400);
  });
});
