import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { createQueuePoller, runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import type { PollerStats } from '#infra/runtime/queue-poller.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { tableName } from '#shared/config/env.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';
import { queues } from '#shared/resources.ts';
import { createCommitment } from '#shared/routes/execution.ts';
import { routeCall } from './api-client.ts';
import type { DynamoUsage, UsageMeter } from './dynamo-usage.ts';
import { emptyUsage } from './dynamo-usage.ts';
import { FISCAL_YEAR, POSTING_DATE } from './execution-fixture.ts';
import type { HttpCall } from './http-clients.ts';
import { sendLoad } from './http-load.ts';
import type { LatencyResult } from './http-load.ts';
import type { LocalApi } from './local-api.ts';
import { queueCommitments } from './posting-flood.ts';
import { billedSqsRequests, meterSqs } from './sqs-usage.ts';
import { perSecond } from './stats.ts';

export const COMMITMENT_AMOUNT = 1_000;

export interface LineTarget {
  readonly gov: string;
  readonly lineId: string;
}

export interface PipelineRunOptions {
  readonly api: LocalApi;
  readonly meter: UsageMeter;
  /** Consumer module (path from the project root). */
  readonly consumer: string;
  readonly targets: readonly LineTarget[];
  readonly durationMs: number;
  /** Stop sending after this many requests (whichever comes first with durationMs). */
  readonly maxRequests?: number;
  /**
   * Start the consumer only once every request is answered, so that it drains a full queue: the
   * consumer's own capacity, which the API's accept rate otherwise hides.
   */
  readonly consumeAfterSending?: boolean;
  /**
   * With consumeAfterSending and maxRequests: fill the queue with `maxRequests` commitments put
   * straight onto it as the API would (posting-flood.ts queueCommitments) instead of through the
   * API, which takes 15–20 s per 4,000 on the 2-core machine and is not what a drain measures.
   */
  readonly queueDirectly?: boolean;
  readonly clients: number;
  /** Pace the clients to this many requests per second (see ClientsInput.ratePerSecond). */
  readonly ratePerSecond?: number;
  /** Batches in flight at once in the poller (Lambda's concurrency); FIFO groups never overlap. */
  readonly consumerConcurrency: number;
  readonly label: string;
}

export interface PipelineRun {
  readonly accepted: number;
  /** Σ committed on the target lines grew by this many postings' amounts. */
  readonly applied: number;
  readonly lost: number;
  readonly refused: LatencyResult['unexpected'];
  readonly refusedSample?: string;
  readonly sendMs: number;
  /** From the first request to the last posting applied. */
  readonly endToEndMs: number;
  readonly appliedPerSecond: number;
  /** From the consumer's start to the last posting applied (the consumer alone when consumeAfterSending). */
  readonly drainMs: number;
  readonly drainedPerSecond: number;
  readonly acceptLatencyP50: number;
  readonly acceptLatencyP99: number;
  readonly poller: PollerStats;
  readonly sqsRequests: number;
  readonly dynamo: { readonly total: DynamoUsage; readonly api: DynamoUsage; readonly consumer: DynamoUsage };
}

/**
 * One sustained run of the posting pipeline: `clients` HTTP clients post commitments on the
 * targets for `durationMs` while a poller feeds the consumer; then the queue is drained. Applied
 * postings are counted from the books (Σ committed of the target lines), not from the answers.
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRun> {
  const { api, meter } = options;
  const committedBefore = await committedOn(options.targets);
  const pollerSqs = runtimeSqsClient();
  const sqsMeter = meterSqs([sqsClient(), pollerSqs]);
  const poller = createQueuePoller({
    queueUrls: shardUrls(queues.postings, requiredEnv(queues.postings.env)),
    declaration: queues.postings,
    handler: options.consumer,
    sqs: pollerSqs,
    concurrency: options.consumerConcurrency,
    waitTimeSeconds: 1,
  });
  const calls = await commitmentCalls(api, options.targets);
  meter.reset();
  try {
    if (!options.consumeAfterSending) poller.start();
    const started = performance.now();
    const load = options.queueDirectly
      ? await queueDirectly(options)
      : await sendLoad({
          baseUrl: api.url,
          clients: options.clients,
          calls,
          expectedStatus: 202,
          durationMs: options.durationMs,
          ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
          ...(options.ratePerSecond === undefined ? {} : { ratePerSecond: options.ratePerSecond }),
          uniqueHeader: { name: 'idempotency-key', prefix: `${options.label}-${Date.now().toString(36)}` },
        });
    const sendMs = performance.now() - started;
    const consumerStarted = options.consumeAfterSending ? performance.now() : started;
    const stats = await poller.drain({ timeoutMs: Math.max(120_000, options.durationMs * 3) });
    const endToEndMs = performance.now() - started;
    const drainMs = performance.now() - consumerStarted;
    const usage = structuredClone({
      total: meter.usage,
      api: meter.byScope.api ?? emptyUsage(),
      consumer: meter.byScope.consumer ?? emptyUsage(),
    });
    const sqsRequests = billedSqsRequests(sqsMeter.usage);
    const committedAfter = await committedOn(options.targets);
    const applied = Math.round((committedAfter - committedBefore) / COMMITMENT_AMOUNT);
    return {
      accepted: load.succeeded,
      applied,
      lost: load.succeeded - applied,
      refused: load.unexpected,
      ...(load.sample === undefined ? {} : { refusedSample: load.sample }),
      sendMs,
      endToEndMs,
      appliedPerSecond: perSecond(applied, endToEndMs),
      drainMs,
      drainedPerSecond: perSecond(applied, drainMs),
      acceptLatencyP50: load.p50,
      acceptLatencyP99: load.p99,
      poller: stats,
      sqsRequests,
      dynamo: usage,
    };
  } finally {
    await poller.stop();
    sqsMeter.detach();
    pollerSqs.destroy();
  }
}

/** The queue filled without the API: every posting counts as accepted; no accept latency is measured. */
async function queueDirectly(options: PipelineRunOptions): Promise<LatencyResult> {
  const count = options.maxRequests;
  if (!options.consumeAfterSending || count === undefined) throw new Error('queueDirectly needs consumeAfterSending and maxRequests');
  const started = performance.now();
  await queueCommitments(options.targets, count, `${options.label}-${Date.now().toString(36)}`, COMMITMENT_AMOUNT);
  const elapsedMs = performance.now() - started;
  return {
    requests: count,
    succeeded: count,
    elapsedMs,
    failures: 0,
    unexpected: {},
    p50: Number.NaN,
    p95: Number.NaN,
    p99: Number.NaN,
    max: Number.NaN,
    requestsPerSecond: (count * 1000) / elapsedMs,
  };
}

/** One commitment per target, each posted by a finance officer of the target's government. */
export async function commitmentCalls(api: LocalApi, targets: readonly LineTarget[]): Promise<HttpCall[]> {
  const tokens = new Map<string, string>();
  for (const { gov } of targets)
    if (!tokens.has(gov)) tokens.set(gov, await api.token({ sub: `bench-fo-${gov}`, roles: ['finance_officer'], gov }));
  return targets.map(({ gov, lineId }, n) =>
    routeCall(
      createCommitment,
      {
        params: { gov, year: FISCAL_YEAR },
        body: { lineId, amount: COMMITMENT_AMOUNT, counterparty: 'bench-vendor', contractRef: `BENCH-${n}`, date: POSTING_DATE },
      },
      tokens.get(gov),
    ),
  );
}

/** Σ committed over the distinct target lines, read from their control items. */
export async function committedOn(targets: readonly LineTarget[]): Promise<number> {
  const keys = [...new Map(targets.map((t) => [`${t.gov}|${t.lineId}`, lineControlKey(t.gov, FISCAL_YEAR, t.lineId)])).values()];
  let total = 0;
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + 100);
    while (pending.length > 0) {
      const page = await dynamoClient().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'committed' } },
        }),
      );
      for (const item of page.Responses?.[tableName()] ?? []) total += Number(item.committed ?? 0);
      pending = page.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return total;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: is the embedded stack running?`);
  return value;
}
