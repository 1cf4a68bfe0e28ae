import type { SQSRecord } from 'aws-lambda';

export type Invocation = { readonly threw: true; readonly error: unknown } | { readonly threw: false; readonly result: unknown };

/**
 * Which records of a batch stay on the queue, by Lambda's rules for an SQS event source with
 * ReportBatchItemFailures:
 * - the function threw (or timed out): the whole batch;
 * - it returned batchItemFailures: those records, but the whole batch if any identifier is
 *   empty or names no record of the batch;
 * - otherwise none.
 * On a FIFO queue a failed record also holds back every later record of its message group, so
 * that the group's order survives the retry.
 */
export function recordsToRetry(records: readonly SQSRecord[], invocation: Invocation, fifo: boolean): Set<string> {
  const all = new Set(records.map((record) => record.messageId));
  if (invocation.threw) return all;
  const failures = batchItemFailures(invocation.result);
  if (failures === undefined) return all;
  if (failures.some((id) => !all.has(id))) return all;
  const retry = new Set(failures);
  if (fifo) {
    const blockedGroups = new Set<string>();
    for (const record of records) {
      const group = record.attributes.MessageGroupId ?? '';
      if (blockedGroups.has(group)) retry.add(record.messageId);
      else if (retry.has(record.messageId)) blockedGroups.add(group);
    }
  }
  return retry;
}

/** The identifiers a response reports as failed; undefined when the response is malformed. */
function batchItemFailures(result: unknown): string[] | undefined {
  if (result === undefined || result === null) return [];
  if (typeof result !== 'object' || !('batchItemFailures' in result)) return [];
  const failures = (result as { batchItemFailures: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) return undefined;
  const ids: string[] = [];
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') return undefined;
    ids.push(id);
  }
  return ids;
}
