import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { logger } from '#shared/powertools/logger.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { applyPostings } from '#shared/application/execution/apply-postings.ts';
import { postingMessage } from '#shared/schemas/execution.ts';

/**
 * The postings consumer (SQS FIFO, ReportBatchItemFailures). Applies the batch in queue order with
 * one atomic write per part; a rule violation is a decided outcome (recorded as rejected, never
 * retried). Anything else — throttling, a transaction conflict, a timeout — leaves the messages not
 * yet applied for redelivery, and with them every later message of the batch, so a message group
 * never overtakes itself. After maxReceiveCount deliveries a message moves to the DLQ.
 */
async function applyBatch(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: string[] = [];
  const accepted: { record: SQSRecord; message: PostingMessage }[] = [];
  for (const record of event.Records) {
    const message = parse(record);
    if (message) accepted.push({ record, message });
    else failures.push(record.messageId);
  }
  let applied = 0;
  try {
    const report = await applyPostings(
      accepted.map((a) => a.message),
      (count) => {
        applied += count;
      },
    );
    record(report.outcomes, report.capacityUnits);
  } catch (error) {
    const left = accepted.slice(applied);
    logger.warn('postings left for redelivery', {
      error: { name: (error as Error).name, message: (error as Error).message },
      postingIds: left.map((a) => a.message.postingId),
    });
    metrics.addMetric('PostingsRedelivered', MetricUnit.Count, left.length);
    failures.push(...left.map((a) => a.record.messageId));
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

function parse(record: SQSRecord): PostingMessage | undefined {
  try {
    const result = postingMessage.safeParse(JSON.parse(record.body));
    if (result.success) return result.data as PostingMessage;
    logger.error('malformed posting message', { messageId: record.messageId, issues: result.error.issues.length });
  } catch {
    logger.error('posting message is not JSON', { messageId: record.messageId });
  }
  return undefined;
}

function record(outcomes: Awaited<ReturnType<typeof applyPostings>>['outcomes'], capacityUnits: number): void {
  const counts = { applied: 0, rejected: 0, duplicate: 0 };
  for (const outcome of outcomes) {
    counts[outcome.status] += 1;
    if (outcome.status === 'rejected')
      logger.info('posting rejected', { postingId: outcome.message.postingId, rule: outcome.refusal.code });
  }
  metrics.addMetric('PostingsApplied', MetricUnit.Count, counts.applied);
  metrics.addMetric('PostingsRejected', MetricUnit.Count, counts.rejected);
  metrics.addMetric('PostingsDuplicate', MetricUnit.Count, counts.duplicate);
  metrics.addMetric('PostingWriteUnits', MetricUnit.Count, capacityUnits);
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>(applyBatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
