/**
 * Issue #18: two self-hosted runtimes that both run the schedules (an operator started the second
 * without --no-schedules) on one stack. Their own timers fire the daily closing at 00:30 — no job
 * is started by hand — so each government's closing is queued twice and consumed by either
 * runtime; the closing's lease makes it one closing per government, nothing failed.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startRuntime } from '#infra/runtime/runtime.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { bucketName, tableName } from '#shared/config/env.ts';
import { queues } from '#shared/resources.ts';
import { schedules } from '#shared/schedules.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { leaseKey, progressKey } from '#shared/stores/settlement/keys.ts';
import { credit, debit, entry, post, seedAccount } from '#test/integration/settlement/fixture.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
const YEAR = 2026;
const DAY = '2026-11-30';
const GOVS = ['11110', '11140', '11170'];

// Three governments in this stack's registry, so the fan-out queues 2 × 3 closings.
const others = (await listGovernments()).filter((g) => !GOVS.includes(g.code));
for (let i = 0; i < others.length; i += 25)
  await dynamoClient().send(
    new BatchWriteCommand({
      RequestItems: {
        [tableName()]: others.slice(i, i + 25).map((g) => ({ DeleteRequest: { Key: { pk: `GOV#${g.code}`, sk: 'PROFILE' } } })),
      },
    }),
  );
for (const gov of GOVS) {
  await seedAccount(gov, 'GEN', 'general');
  await post(gov, YEAR, entry(DAY, 'GEN', debit('5202', 40_000), credit('1101', 40_000)));
}

const dailyClosing = schedules.filter((schedule) => schedule.name === 'daily-closing');
const settlementQueue = [{ queueUrl: stack.env[queues.settlement.env] ?? '', declaration: queues.settlement }];
const start = () =>
  startRuntime({
    port: 0,
    schedules: dailyClosing,
    runSchedules: true,
    queues: settlementQueue,
    checkObjectLock: false,
    waitTimeSeconds: 1,
  });
// The business clock restarts from a new HOJO_CLOCK (shared/clock.ts): eight seconds before the
// daily closing's 00:30, time enough for both runtimes to arm their timers first.
process.env.HOJO_CLOCK = '2026-12-01T00:29:52+09:00';
const runtimes = [await start(), await start()];
afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop();
});

const item = async (key: { pk: string; sk: string }) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
const handled = () =>
  runtimes.reduce(
    (total, runtime) => {
      const stats = runtime.pollers.get(queues.settlement.name)?.stats;
      return {
        succeeded: total.succeeded + (stats?.succeeded ?? 0),
        failed: total.failed + (stats?.failedInvocations ?? 0) + (stats?.retried ?? 0),
      };
    },
    { succeeded: 0, failed: 0 },
  );

describe('two runtimes whose schedulers both fire the daily closing', () => {
  it('close each government once: both fan-outs consumed, one archive set each, nothing failed', async () => {
    await vi.waitFor(() => expect(handled().succeeded).toBe(2 * GOVS.length), { timeout: 120_000, interval: 200 });
    expect(handled().failed).toBe(0);
    for (const runtime of runtimes) expect(runtime.scheduler.upcoming()[0]?.at?.toISOString()).toBe('2026-12-01T15:30:00.000Z');

    for (const gov of GOVS) {
      expect(await item(progressKey(gov, YEAR, 'daily', DAY))).toMatchObject({ status: 'done' });
      expect(await item(closingKey(gov, YEAR, `DAY#${DAY}`))).toMatchObject({ entity: 'closed-period' });
      expect(await item(leaseKey(gov, YEAR, 'daily', DAY))).toBeUndefined();
      const { Contents = [] } = await s3Client().send(
        new ListObjectsV2Command({ Bucket: bucketName('archive'), Prefix: `${YEAR}/${gov}/daily-summary/${DAY}/` }),
      );
      expect(Contents.map((c) => c.Key?.split('/').at(-1)).sort()).toContain('manifest.json');
    }
  }, 150_000);
});
