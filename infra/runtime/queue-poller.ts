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
  readonly queueUrl: string;
  readonly declaration: Pick<QueueDeclaration, 'name' | 'fifo' | 'visibilityTimeoutSeconds' | 'consumer'>;
  /** Consumer module; the declaration's consumer unless given (test fixtures: a .ts path). */
  readonly handler?: string;
  /** Long-poll wait per receive; short locally so that shutdown is quick. */
  readonly waitTimeSeconds?: number;
  /** Batches in flight at once (Lambda's concurrency); FIFO groups never overlap regardless. */
  readonly concurrency?: number;
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
 */
export function createQueuePoller(options: QueuePollerOptions): QueuePoller {
  const sqs = options.sqs ?? runtimeSqsClient();
  const declaration = options.declaration;
  const handlerPath = options.handler ?? declaration.consumer.handler;
  const waitTimeSeconds = options.waitTimeSeconds ?? 2;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const stats: PollerStats = { batches: 0, received: 0, succeeded: 0, retried: 0, failedInvocations: 0 };
  const groupTails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let workers: Promise<void>[] = [];
  let running = false;
  let queueArn: Promise<string> | undefined;

  const arn = (): Promise<string> => {
    queueArn ??= sqs
      .send(new GetQueueAttributesCommand({ QueueUrl: options.queueUrl, AttributeNames: ['QueueArn'] }))
      .then(({ Attributes }) => Attributes?.QueueArn ?? `arn:aws:sqs:${region()}:000000000000:${declaration.name}`);
    return queueArn;
  };

  const receive = async (): Promise<Message[]> => {
    const batchSize = declaration.consumer.batchSize;
    const windowEnds = Date.now() + declaration.consumer.maxBatchingWindowSeconds * 1000;
    const messages: Message[] = [];
    let wait = waitTimeSeconds;
    do {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: Math.min(10, batchSize - messages.length),
          WaitTimeSeconds: wait,
          MessageSystemAttributeNames: [...SYSTEM_ATTRIBUTES],
          MessageAttributeNames: ['All'],
        }),
      );
      messages.push(...(Messages ?? []));
      wait = Math.min(waitTimeSeconds, Math.max(0, Math.ceil((windowEnds - Date.now()) / 1000)));
      // Lambda fills a batch for up to the batching window; without one it invokes with what came.
    } while (running && messages.length > 0 && messages.length < batchSize && Date.now() < windowEnds);
    return messages;
  };

  const runBatch = async (messages: Message[]): Promise<void> => {
    const event = sqsEvent(messages, await arn(), region());
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
      options.queueUrl,
      done.map((record) => ({ id: record.messageId, receiptHandle: record.receiptHandle })),
    );
    stats.batches += 1;
    stats.received += messages.length;
    stats.succeeded += done.length;
    stats.retried += retry.size;
  };

  /** A batch waits for any batch in flight that holds one of its message groups. */
  const runInGroupOrder = (messages: Message[]): Promise<void> => {
    const groups = declaration.fifo ? [...new Set(messages.map((m) => m.Attributes?.MessageGroupId ?? ''))] : [];
    const before = Promise.all(groups.map((group) => groupTails.get(group)));
    const batch = before.then(() => runBatch(messages));
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

  const work = async (): Promise<void> => {
    while (running) {
      let messages: Message[];
      try {
        messages = await receive();
      } catch (error) {
        runtimeLogger.error('receive failed; retrying', { queue: declaration.name, error: error as Error });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      if (messages.length > 0) await runInGroupOrder(messages);
    }
  };

  const queueIsEmpty = async (): Promise<boolean> => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: options.queueUrl,
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

  const poller: QueuePoller = {
    stats,
    start() {
      if (running) return;
      running = true;
      workers = Array.from({ length: concurrency }, () => work());
    },
    async stop() {
      running = false;
      await Promise.all(workers);
      await Promise.all([...inFlight]);
      workers = [];
    },
    async drain({ timeoutMs = 60_000 } = {}) {
      poller.start();
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 || !(await queueIsEmpty())) {
        if (Date.now() > deadline) throw new Error(`queue ${declaration.name} did not drain within ${timeoutMs} ms`);
        await Promise.race([...inFlight, new Promise((resolve) => setTimeout(resolve, 25))]);
      }
      return { ...stats };
    },
  };
  return poller;
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
export const runtimeSqsClient = (): SQSClient => new SQSClient({ region: region(), useQueueUrlAsEndpoint: false });
