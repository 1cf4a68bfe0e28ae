/**
 * Issue #18: two self-hosted runtimes side by side on one set of endpoints (here one embedded
 * stack): postings sent to either API are applied exactly once, whichever runtime's consumer
 * receives them, and the counters are the sums.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startRuntime } from '#infra/runtime/runtime.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { queues } from '#shared/resources.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { GOV, seedLine, YEAR } from '#test/integration/execution/support.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
// One issuer key for both (as two hosts would share one identity provider).
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-two-'));
const bindings = [{ queueUrl: stack.env[queues.postings.env]?.replace('{shard}', '000') ?? '', declaration: queues.postings }];
const start = () =>
  startRuntime({ port: 0, dataDir, queues: bindings, runSchedules: false, checkObjectLock: false, waitTimeSeconds: 1, concurrency: 2 });
const runtimes = [await start(), await start()];
afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function scanAll(): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(new ScanCommand({ TableName: tableName(), ConsistentRead: true, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

describe('two runtimes on one stack', () => {
  it('apply each posting sent to either API exactly once', async () => {
    // Six lines: six FIFO message groups the two consumers can share.
    const lines = Array.from({ length: 6 }, (_, n) => `two-exp-${n}`);
    for (const lineId of lines) await seedLine({ lineId, allotted: 1_000_000_000 });
    const token = await runtimes[0]?.auth.devIssuer?.sign({ sub: 'fo', roles: ['finance_officer'], gov: GOV });
    const accepted: { id: string; amount: number; lineId: string }[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, n) => {
        const runtime = runtimes[n % 2];
        const amount = n + 1;
        const lineId = lines[n % lines.length] ?? '';
        const response = await fetch(`${runtime?.url}/governments/${GOV}/years/${YEAR}/commitments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ lineId, amount, counterparty: 'c', contractRef: 'C-1', date: '2026-05-04' }),
        });
        expect(response.status).toBe(202);
        accepted.push({ id: ((await response.json()) as { postingId: string }).postingId, amount, lineId });
      }),
    );
    let items: Record<string, any>[] = [];
    await vi.waitFor(
      async () => {
        items = await scanAll();
        const results = items.filter((i) => i.sk === 'RESULT');
        expect(results.length).toBe(accepted.length);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(items.filter((i) => i.sk === 'RESULT' && i.status !== 'applied')).toEqual([]);
    // Every acceptance is on record (the request, listed in the audit index), once per posting; every applied
    // RESULT is the record of its application.
    const acceptances = items.filter((i) => i.sk === 'REQUEST' && String(i.gsi1pk).startsWith(`AUDIT#${GOV}#`));
    expect(new Set(acceptances.map((a) => a.postingId))).toEqual(new Set(accepted.map((a) => a.id)));
    expect(acceptances).toHaveLength(accepted.length);
    for (const lineId of lines) {
      const key = lineControlKey(GOV, YEAR, lineId);
      const line = items.find((i) => i.pk === key.pk && i.sk === key.sk);
      expect(line?.committed).toBe(accepted.filter((a) => a.lineId === lineId).reduce((total, a) => total + a.amount, 0));
    }
    const split = runtimes.map((r) => r.pollers.get(queues.postings.name)?.stats.succeeded ?? 0);
    console.info(`two runtimes: ${accepted.length} postings, consumed ${split.join(' + ')}`);
  });
});
