/**
 * Issue #21: the clustered local runtime. Two API workers share one port and both answer; the
 * queue poller and the schedules run in the primary only, so a posting accepted by a worker is
 * applied once, by the primary's consumer.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startApiCluster } from '#infra/runtime/api-cluster.ts';
import { startRuntime } from '#infra/runtime/runtime.ts';
import { queues } from '#shared/resources.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { GOV, seedLine, YEAR } from '#test/integration/execution/support.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-cluster-'));
const nightly: ScheduleDeclaration = {
  name: 'test-closing',
  description: 'fixture',
  cron: 'cron(0 1 * * ? *)',
  handler: 'test/runtime/fixtures/test-job.ts',
  input: { kind: 'daily' },
};
const postings = [{ queueUrl: stack.env[queues.postings.env]?.replace('{shard}', '000') ?? '', declaration: queues.postings }];
// The primary: pollers and schedules, no API; then the workers (it made the issuer key they share).
const primary = await startRuntime({
  serveApi: false,
  port: 0,
  dataDir,
  queues: postings,
  schedules: [nightly],
  checkObjectLock: false,
  waitTimeSeconds: 1,
  concurrency: 2,
});
const api = await startApiCluster({ workers: 2, port: 0, host: '127.0.0.1', dataDir });
afterAll(async () => {
  await api.stop();
  await primary.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** One request on a connection of its own (no keep-alive), so the primary hands each to the next worker. */
function fetchOnce(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${api.url}${path}`,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          connection: 'close',
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('clustered runtime (two API workers, one poller)', () => {
  it('answers on one port from both workers; the primary alone polls and schedules', async () => {
    expect(primary.url).toBe('');
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = (await primary.auth.devIssuer?.sign({ sub: 'reader', roles: ['budget_officer'], gov: GOV })) ?? '';
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetchOnce(`/governments/${GOV}`, token)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));

    const stats = await api.stats();
    expect(stats).toHaveLength(2);
    expect(new Set(stats.map((s) => s.pid)).size).toBe(2);
    for (const worker of stats) {
      expect(worker.served).toBeGreaterThan(0);
      expect(worker.pollers).toBe(0);
      expect(worker.schedules).toBe(0);
    }
    expect(stats.reduce((sum, s) => sum + s.served, 0)).toBe(20);
    expect([...primary.pollers.keys()]).toEqual([queues.postings.name]);
    expect(primary.scheduler.upcoming().map((s) => s.name)).toEqual([nightly.name]);
  });

  it('applies a posting accepted by a worker once, through the primary consumer', async () => {
    await seedLine({ lineId: 'cluster-exp', allotted: 1_000_000 });
    const token = (await primary.auth.devIssuer?.sign({ sub: 'fo', roles: ['finance_officer'], gov: GOV })) ?? '';
    const accepted = await fetchOnce(`/governments/${GOV}/years/${YEAR}/commitments`, token, {
      method: 'POST',
      body: { lineId: 'cluster-exp', amount: 1_000, counterparty: 'c', contractRef: 'C-1', date: '2026-05-04' },
    });
    expect(accepted.status).toBe(202);
    const postingId = String(accepted.body.postingId);
    await vi.waitFor(
      async () => {
        const status = await fetchOnce(`/governments/${GOV}/postings/${postingId}`, token);
        expect(status.body?.status).toBe('applied');
        // The poller counts the invocation once the handler has returned, a moment after the
        // posting's transaction is visible: wait for both.
        expect(primary.pollers.get(queues.postings.name)?.stats.succeeded).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  it('holds every worker for a backup and resumes them', async () => {
    const resume = await api.quiesce();
    resume();
    const token = (await primary.auth.devIssuer?.sign({ sub: 'reader', roles: ['budget_officer'], gov: GOV })) ?? '';
    expect((await fetchOnce(`/governments/${GOV}`, token)).status).toBe(200);
  });
});
