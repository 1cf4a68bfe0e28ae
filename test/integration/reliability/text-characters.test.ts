import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { queueUrls, tableName } from '#shared/config/env.ts';
import { queues } from '#shared/resources.ts';
import { createQueuePoller } from '#infra/runtime/queue-poller.ts';
import type { QueuePoller } from '#infra/runtime/queue-poller.ts';
import { queueDepth, readItems, seedLine } from '#test/integration/execution/support.ts';
import { commit, useShardedStack, waitDecided } from '#test/integration/reliability/support.ts';

/**
 * Issue #12.2: text SQS (and XML in the XLSX reports) cannot carry is refused with 400 before
 * anything is stored; text it can carry, characters above U+FFFF included, is queued and applied
 * on the embedded stack (whose fauxqs needed a fix for those: fauxqs-extensions/message-characters.ts).
 */
const GOV = '11110';
let poller: QueuePoller;

beforeAll(async () => {
  await useShardedStack(2);
  await seedLine({ gov: GOV, lineId: 'chars', allotted: 1_000_000 });
  poller = createQueuePoller({ queueUrls: queueUrls('postings'), declaration: queues.postings, waitTimeSeconds: 1 });
});

afterAll(async () => {
  await poller?.stop();
});

/** Every item of this file's fresh table: a refused request must not add one (request, key or audit record). */
const storedRequests = async (): Promise<number> => {
  const { Count = 0 } = await dynamoClient().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT', ConsistentRead: true }));
  return Count;
};

describe('characters SQS and the reports cannot carry', () => {
  it.each<[string, string, string?]>([
    ['U+FFFF', 'ACME\uffff'],
    ['U+FFFE', 'ACME\ufffe'],
    ['U+0000', 'ACME\u0000'],
    ['U+0008 (backspace)', 'ACME\u0008'],
    ['U+001F', '\u001fACME'],
    // The body's JSON already refuses lone surrogates (invalid-unicode); the text type would too.
    ['a lone high surrogate', 'ACME\ud800', 'invalid-unicode'],
    ['a lone low surrogate', '\udc00ACME', 'invalid-unicode'],
  ])('%s in a counterparty → 400 naming the field, nothing stored or queued', async (_name, counterparty, code = 'invalid-request') => {
    const before = await storedRequests();
    const response = await commit(GOV, { lineId: 'chars', counterparty });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(code);
    if (code === 'invalid-request') expect(JSON.stringify(response.body.errors)).toContain('counterparty');
    expect(await storedRequests()).toBe(before);
    for (const url of queueUrls('postings')) expect(await queueDepth(url)).toBe(0);
  });

  it('refuses them in other text fields too (contractRef)', async () => {
    const response = await commit(GOV, { lineId: 'chars', counterparty: 'ACME', contractRef: 'C\uffff' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain('contractRef');
  });
});

describe('characters SQS carries', () => {
  it.each([
    ['emoji', 'ACME 😀 상사'],
    ['CJK Extension B (U+20000)', '𠀀 건설'],
    ['tab and line breaks', '한글\t상사\r\n2층'],
  ])('%s in a counterparty are accepted, queued and applied', async (_name, counterparty) => {
    poller.start();
    const response = await commit(GOV, { lineId: 'chars', counterparty });
    expect(response.status).toBe(202);
    expect(await waitDecided(GOV, response.body.postingId)).toBe('applied');
    const [stored] = await readItems(`POSTING#${GOV}#${response.body.postingId}`, 'REQUEST');
    expect(stored?.command.counterparty).toBe(counterparty.trim());
  });
});
