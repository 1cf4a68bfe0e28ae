import { auditTrailOf } from '#test/support/audit-trail.ts';
import type { ScheduledEvent } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { now } from '#shared/clock.ts';
import * as routes from '#shared/routes/execution.ts';
import { schedules } from '#shared/schedules.ts';
import { handler as sweep } from '#functions/postings/sweep-unqueued.ts';
import { OUTBOX_PARTITIONS, outboxPartition } from '#shared/stores/execution/posting-keys.ts';
import { callers, drainPostings, GOV, readItems, readLine, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();
const startedAt = new Date(now().getTime() - 1000).toISOString();

const CRASH = 'outbox-test-crash';
afterEach(() => {
  sqsClient().middlewareStack.remove(CRASH);
});

/** The process "dies" between storing the request and enqueueing it: SendMessage(Batch) never reaches the queue. */
function crashBeforeEnqueue(): void {
  sqsClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'SendMessageCommand' || context.commandName === 'SendMessageBatchCommand')
        throw Object.assign(new Error('process killed'), { name: 'Killed' });
      return next(args);
    },
    { step: 'initialize', name: CRASH },
  );
}

const commit = (amount: number) =>
  callRoute(routes.createCommitment, {
    caller: callers.financeOfficer,
    params: { gov: GOV, year: YEAR },
    body: { lineId: 'outbox', amount, counterparty: 'c', contractRef: 'C-1', date: '2026-05-04' },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
const status = async (postingId: string) =>
  (await callRoute(routes.getPosting, { caller: callers.financeOfficer, params: { gov: GOV, postingId } })).body.status;
const markers = async () => (await Promise.all(Array.from({ length: OUTBOX_PARTITIONS }, (_, n) => readItems(outboxPartition(n))))).flat();

const schedule = schedules.find((s) => s.name === 'sweep-unqueued-postings');
const sweepEvent = (detail: Record<string, unknown>): ScheduledEvent =>
  ({ version: '0', id: 'e', 'detail-type': 'Scheduled Event', source: 'aws.scheduler', time: new Date().toISOString(), detail }) as never;

/** The audit records of acceptance of this month in the government's trail (the outbox of accepted postings). */
const acceptances = async () =>
  (await auditTrailOf(GOV, [now().toISOString().slice(0, 7)])).filter((a) => String(a.operation).endsWith('.accepted'));

describe('transactional outbox: a stored posting is queued without its client retrying', () => {
  beforeAll(() => seedLine({ lineId: 'outbox', allotted: 1_000_000 }));

  it('is swept every minute by a declared schedule', () => {
    expect(schedule).toMatchObject({ cron: '* * * * ? *', handler: 'postings/sweep-unqueued' });
  });

  it('an accepted posting writes no marker: the audit record of its acceptance is its outbox (issue #21)', async () => {
    const accepted = await commit(10);
    expect(accepted.status).toBe(202);
    expect(await markers()).toEqual([]);
    expect((await acceptances()).map((a) => a.target)).toContain(`posting ${accepted.body.postingId}`);
    await drainPostings();
    expect(await status(accepted.body.postingId)).toBe('applied');
  });

  it('a crash between store and enqueue: the sweep enqueues the marked posting and it is applied once', async () => {
    const before = (await readLine('outbox')).committed;
    crashBeforeEnqueue();
    const accepted = await commit(25);
    // Stored with the audit record of its acceptance, so it is accepted: the outbox, not the client, owes the enqueue.
    expect(accepted.status).toBe(202);
    sqsClient().middlewareStack.remove(CRASH);
    const postingId = accepted.body.postingId as string;
    expect((await acceptances()).map((a) => a.target)).toContain(`posting ${postingId}`);
    await drainPostings();
    expect(await status(postingId)).toBe('queued');

    // Not yet old enough for the minute's sweep (the API may still be enqueueing it)…
    expect(await sweep(sweepEvent({}))).toMatchObject({ enqueued: 0 });
    // …and once it is: enqueued (the posting of the first test, applied, is passed over), applied.
    expect(await sweep(sweepEvent({ olderThanSeconds: '0' }))).toMatchObject({ accepted: 2, enqueued: 1, decided: 1 });
    await drainPostings();
    expect(await status(postingId)).toBe('applied');

    // The sweep goes on from where it got: a second one reads nothing older and enqueues nothing.
    expect(await sweep(sweepEvent({ olderThanSeconds: '0' }))).toMatchObject({ accepted: 0, enqueued: 0 });
    // An operator's sweep since an earlier time (a restored table whose queue was lost) reads them again: both decided.
    expect(await sweep(sweepEvent({ olderThanSeconds: '0', since: startedAt }))).toMatchObject({ accepted: 2, enqueued: 0, decided: 2 });
    expect((await readLine('outbox')).committed).toBe(before + 25);
  });
});
