import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { region } from '#shared/config/env.ts';
import type { QueueDeclaration } from '#shared/resources.ts';
import { recordsToRetry } from '#infra/runtime/batch-outcome.ts';
import type { Invocation } from '#infra/runtime/batch-outcome.ts';
import { loadHandler } from '#infra/runtime/handler-loader.ts';
import { invokeInScope } from '#infra/runtime/invocation-scope.ts';
import { functionNameOf, lambdaContext } from '#infra/runtime/lambda-context.ts';
import { runtimeLogger } from '#infra/runtime/runtime-logger.ts';
import { sqsEvent } from '#infra/runtime/sqs-event.ts';

export interface QueuePollerOptions {
  /** The queue to poll; for a sharded family, `queueUrls` instead. */
  readonly queueUrl?: string;
  /** Every shard of a sharded family: one receiver per shard, one worker pool served round-robin. */
  readonly queueUrls?: readonly string[];
  readonly declaration: Pick<QueueDeclaration, 'name' | 'fifo' | 'visibilityTimeoutSeconds' | 'consumer' | 'shards'>;
  /** Consumer module; the declaration's consumer unless given (test fixtures: a .ts path). */
  readonly handler?: string;
  /** Long-poll wait per receive; short locally so that shutdown is quick (families: receives are aborted on stop). */
  readonly waitTimeSeconds?: number;
  /**
   * Batches in flight at once across the queue (all its shards): Lambda's concurrency. FIFO
   * groups never overlap regardless. @default 2 for one queue, 4 for a family
   */
  readonly concurrency?: number;
  /** Batches of one shard in flight at once (MaximumConcurrency of its event source mapping). */
  readonly concurrencyPerShard?: number;
  readonly sqs?: SQSClient;
}

export interface PollerStats {
  batches: number;
  received: number;
  succeeded: number;
  retried: number;
  failedInvocations: number;
}

export interface QueuePoller {
  readonly stats: Readonly<PollerStats>;
  start(): void;
  /** Stops receiving, lets the batches in flight finish, and resolves when they have. */
  stop(): Promise<void>;
  /**
   * Runs (starting the poller if needed) until the queue holds no message, visible, in flight
   * or delayed, and no batch is running: every message was consumed or moved to the DLQ.
   */
  drain(options?: { readonly timeoutMs?: number }): Promise<PollerStats>;
}

const SYSTEM_ATTRIBUTES = ['All'] as const;

/**
 * Lambda's SQS event source mapping, locally: long-polls the queue, invokes the consumer with
 * batches of real SQS records, deletes what succeeded (ReportBatchItemFailures) and leaves the
 * rest to reappear after the visibility timeout; the queue's redrive policy moves a message to
 * the dead-letter queue once it has been received maxReceiveCount times.
 *
 * A sharded family (`queueUrls`) is a bulkhead per shard, as one event source mapping per shard
 * with its MaximumConcurrency is on AWS: each shard has its own receivers (at most
 * `concurrencyPerShard` batches of it received or running), and the batches share one pool of
 * `concurrency` workers handed out round-robin over the shards that wait. A shard with a backlog
 * never takes more than its turn, so a batch of a quiet shard starts within one round: after at
 * most one running batch per other waiting shard has finished.
 */
export function createQueuePoller(options: QueuePollerOptions): QueuePoller {
  const declaration = options.declaration;
  const urls = options.queueUrls ?? (options.queueUrl ? [options.queueUrl] : []);
  if (urls.length === 0) throw new Error(`queue ${declaration.name}: no queue URL to poll`);
  // Every receiver holds a connection for its long poll; 243 shards need more than the SDK's 50 sockets.
  const sqs = options.sqs ?? runtimeSqsClient(urls.length * 2 + 50);
  const family = urls.length > 1;
  const handlerPath = options.handler ?? declaration.consumer.handler;
  const waitTimeSeconds = options.waitTimeSeconds ?? (family ? 20 : 2);
  const concurrency = Math.max(1, options.concurrency ?? (family ? 4 : 2));
  const perShard = Math.max(
    1,
    options.concurrencyPerShard ?? (family ? (declaration.shards?.maximumConcurrencyPerShard ?? 2) : concurrency),
  );
  const stats: PollerStats = { batches: 0, received: 0, succeeded: 0, retried: 0, failedInvocations: 0 };
  const groupTails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const pool = roundRobinPool(concurrency, urls.length);
  let receivers: Promise<void>[] = [];
  let running = false;
  let abort = new AbortController();
  const queueArns = new Map<string, Promise<string>>();

  const arn = (queueUrl: string): Promise<string> => {
    let known = queueArns.get(queueUrl);
    if (!known) {
      known = sqs
        .send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))
        .then(({ Attributes }) => Attributes?.QueueArn ?? `arn:aws:sqs:${region()}:000000000000:${queueUrl.split('/').pop()}`);
      queueArns.set(queueUrl, known);
    }
    return known;
  };

  const receive = async (queueUrl: string): Promise<Message[]> => {
    const batchSize = declaration.consumer.batchSize;
    const windowEnds = Date.now() + declaration.consumer.maxBatchingWindowSeconds * 1000;
    const messages: Message[] = [];
    let wait = waitTimeSeconds;
    do {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: Math.min(10, batchSize - messages.length),
          WaitTimeSeconds: wait,
          MessageSystemAttributeNames: [...SYSTEM_ATTRIBUTES],
          MessageAttributeNames: ['All'],
        }),
        // A family's idle shards wait up to 20 s; stopping aborts them instead of waiting.
        family ? { abortSignal: abort.signal } : {},
      );
      messages.push(...(Messages ?? []));
      wait = Math.min(waitTimeSeconds, Math.max(0, Math.ceil((windowEnds - Date.now()) / 1000)));
      // Lambda fills a batch for up to the batching window; without one it invokes with what came.
    } while (running && messages.length > 0 && messages.length < batchSize && Date.now() < windowEnds);
    return messages;
  };

  const runBatch = async (queueUrl: string, messages: Message[]): Promise<void> => {
    const event = sqsEvent(messages, await arn(queueUrl), region());
    const context = lambdaContext({ functionName: functionNameOf(handlerPath), timeoutMs: declaration.visibilityTimeoutSeconds * 1000 });
    let invocation: Invocation;
    try {
      const handler = await loadHandler(handlerPath);
      invocation = {
        threw: false,
        result: await withDeadline(invokeInScope(handler, event, context), declaration.visibilityTimeoutSeconds * 1000),
      };
    } catch (error) {
      invocation = { threw: true, error };
      stats.failedInvocations += 1;
      runtimeLogger.warn('consumer invocation failed; the batch will be redelivered', {
        queue: declaration.name,
        requestId: context.awsRequestId,
        error: error as Error,
      });
    }
    const retry = recordsToRetry(event.Records, invocation, declaration.fifo);
    const done = event.Records.filter((record) => !retry.has(record.messageId));
    await deleteMessages(
      sqs,
      queueUrl,
      done.map((record) => ({ id: record.messageId, receiptHandle: record.receiptHandle })),
    );
    stats.batches += 1;
    stats.received += messages.length;
    stats.succeeded += done.length;
    stats.retried += retry.size;
  };

  /** A batch waits for any batch in flight that holds one of its message groups, then for its turn in the pool. */
  const runInGroupOrder = (shard: number, messages: Message[]): Promise<void> => {
    const queueUrl = urls[shard] ?? '';
    const groups = declaration.fifo ? [...new Set(messages.map((m) => `${shard}|${m.Attributes?.MessageGroupId ?? ''}`))] : [];
    const before = Promise.all(groups.map((group) => groupTails.get(group)));
    const batch = before.then(async () => {
      await pool.acquire(shard);
      try {
        await runBatch(queueUrl, messages);
      } finally {
        pool.release();
      }
    });
    const settled = batch.catch((error: unknown) => {
      runtimeLogger.error('batch bookkeeping failed', { queue: declaration.name, error: error as Error });
    });
    for (const group of groups) groupTails.set(group, settled);
    inFlight.add(settled);
    return settled.finally(() => {
      inFlight.delete(settled);
      for (const group of groups) if (groupTails.get(group) === settled) groupTails.delete(group);
    });
  };

  /** One receiver of one shard: holds one batch at a time, like one Lambda poller. */
  const receiver = async (shard: number): Promise<void> => {
    const queueUrl = urls[shard] ?? '';
    while (running) {
      let messages: Message[];
      try {
        messages = await receive(queueUrl);
      } catch (error) {
        if (!running) return;
        runtimeLogger.error('receive failed; retrying', { queue: declaration.name, queueUrl, error: error as Error });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      if (messages.length > 0) await runInGroupOrder(shard, messages);
    }
  };

  const queueIsEmpty = async (queueUrl: string): Promise<boolean> => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0) ===
      0
    );
  };
  const allEmpty = async (): Promise<boolean> => (await Promise.all(urls.map(queueIsEmpty))).every(Boolean);

  const poller: QueuePoller = {
    stats,
    start() {
      if (running) return;
      running = true;
      abort = new AbortController();
      receivers = urls.flatMap((_, shard) => Array.from({ length: perShard }, () => receiver(shard)));
    },
    async stop() {
      running = false;
      abort.abort();
      await Promise.all(receivers);
      await Promise.all([...inFlight]);
      receivers = [];
    },
    async drain({ timeoutMs = 60_000 } = {}) {
      poller.start();
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 || !(await allEmpty())) {
        if (Date.now() > deadline) throw new Error(`queue ${declaration.name} did not drain within ${timeoutMs} ms`);
        await Promise.race([...inFlight, new Promise((resolve) => setTimeout(resolve, 25))]);
      }
      return { ...stats };
    },
  };
  return poller;
}

/**
 * `size` slots shared by `shards` shards. A slot that frees goes to the next shard after the
 * last one served that has a batch waiting (round-robin), whatever the length of its wait list.
 */
export function roundRobinPool(size: number, shards: number) {
  let free = size;
  let last = shards - 1;
  const waiting: (() => void)[][] = Array.from({ length: shards }, () => []);
  let waiters = 0;
  return {
    acquire(shard: number): Promise<void> {
      if (free > 0 && waiters === 0) {
        free -= 1;
        last = shard;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        waiting[shard]?.push(resolve);
        waiters += 1;
      });
    },
    release(): void {
      for (let step = 1; step <= shards; step++) {
        const shard = (last + step) % shards;
        const next = waiting[shard]?.shift();
        if (next) {
          waiters -= 1;
          last = shard;
          next();
          return;
        }
      }
      free += 1;
    },
  };
}

async function deleteMessages(sqs: SQSClient, queueUrl: string, entries: { id: string; receiptHandle: string }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 10) {
    const chunk = entries.slice(i, i + 10);
    const { Failed = [] } = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((e, n) => ({ Id: String(n), ReceiptHandle: e.receiptHandle })),
      }),
    );
    // A failed delete only means the message comes back; consumers are idempotent by business key.
    if (Failed.length > 0)
      runtimeLogger.warn('some processed messages could not be deleted and will be redelivered', { queueUrl, failed: Failed.length });
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`consumer timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The runtime's own SQS client. The endpoint comes from AWS_ENDPOINT_URL_SQS (or AWS); queue URLs
 * of local engines may name hosts that are not reachable as such, so they are not used as endpoints.
 */
export const runtimeSqsClient = (maxSockets = 50): SQSClient =>
  new SQSClient({
    region: region(),
    useQueueUrlAsEndpoint: false,
    requestHandler: { httpAgent: { maxSockets }, httpsAgent: { maxSockets } },
  });
