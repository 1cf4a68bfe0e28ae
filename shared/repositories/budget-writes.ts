import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The outcome of a TransactWrite: which of its items failed their condition, if it was cancelled. */
export type TransactOutcome = { readonly ok: true } | { readonly ok: false; readonly failed: readonly number[] };

export async function transact(items: readonly TransactItem[]): Promise<TransactOutcome> {
  try {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: [...items] }));
    return { ok: true };
  } catch (error) {
    const cancelled = error as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (cancelled.name !== 'TransactionCanceledException' || !cancelled.CancellationReasons) throw error;
    const reasons = cancelled.CancellationReasons;
    // a TransactionConflict means another write touched that item at the same moment: the same
    // situation as a failed condition for callers, who re-read and retry or answer 409
    const lost = (code: string | undefined) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict';
    if (!reasons.some((reason) => lost(reason.Code))) throw error;
    return {
      ok: false,
      failed: reasons.flatMap((reason, index) => (lost(reason.Code) ? [index] : [])),
    };
  }
}

/**
 * Writes many independent items with BatchWriteItem: chunks of 25, `parallel` chunks in flight,
 * unprocessed items retried. Used only where the items are invisible until a later conditional
 * commit (staged import generations) or are idempotent puts of new items.
 */
export async function batchWrite(
  requests: readonly ({ PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } })[],
  parallel = 16,
): Promise<void> {
  const chunks: (typeof requests)[] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++] ?? [];
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await backoff(attempt);
        const { UnprocessedItems } = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: [...pending] } }));
        pending = (UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
}

/** Exponential backoff between retries of throttled batch items (DynamoDB's advice for UnprocessedItems). */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

/** Runs `task` over `items` with at most `parallel` in flight. */
export async function forEachParallel<T>(items: readonly T[], parallel: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
