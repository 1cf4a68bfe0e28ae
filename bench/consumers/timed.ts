/**
 * The project's postings consumer, unchanged (as aggregating.ts), that also records when each
 * posting it applied was received by the API (the `receivedAt` its message carries) and when the
 * batch's transaction returned: the bench's accept→applied latency without status polling.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { handler as applyPostings } from '#functions/postings/apply-postings.ts';
import { inScope } from '../harness/scope.ts';

/** ms from the API receiving each applied posting to its batch committing, in completion order. */
export const appliedLatencies: number[] = [];

export const handler = (event: SQSEvent, context: Context) =>
  inScope('consumer', async () => {
    const response = (await applyPostings(event, context)) as SQSBatchResponse | undefined;
    const appliedAt = Date.now();
    const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    for (const record of event.Records) {
      if (failed.has(record.messageId)) continue;
      const receivedAt = Date.parse((JSON.parse(record.body) as { actor: { receivedAt: string } }).actor.receivedAt);
      appliedLatencies.push(appliedAt - receivedAt);
    }
    return response;
  });
