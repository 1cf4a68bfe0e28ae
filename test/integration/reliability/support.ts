import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import * as routes from '#shared/routes/execution.ts';
import { YEAR } from '#test/integration/execution/support.ts';

/** A fresh stack whose postings queue has `shards` shards (the other suites use one). */
export async function useShardedStack(shards: number): Promise<Readonly<Record<string, string>>> {
  const env = await provisionResources(inject('embeddedEndpoints'), `r${randomBytes(4).toString('hex')}-`, { shards });
  await seedRegistry(env);
  return env;
}

export const financeOfficer = (gov: string): TestCaller => ({ sub: `fo-${gov}`, roles: ['finance_officer'], gov });

/** Accepts a commitment through the API; the posting id (202) or the refusal. */
export function commit(gov: string, body: Record<string, unknown>) {
  return callRoute(routes.createCommitment, {
    caller: financeOfficer(gov),
    params: { gov, year: YEAR },
    body: { amount: 1, contractRef: 'C-1', date: '2026-05-04', ...body },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
}

/**
 * Polls the posting's status through the API until it is decided (no fixed sleep: the next poll
 * follows the previous answer after a 5 ms yield); the decided status.
 */
export async function waitDecided(gov: string, postingId: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await callRoute(routes.getPosting, { caller: financeOfficer(gov), params: { gov, postingId } });
    if (response.status === 200 && response.body.status !== 'queued') return String(response.body.status);
    if (Date.now() > deadline)
      throw new Error(`posting ${postingId} of ${gov} still ${response.body.status ?? response.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
