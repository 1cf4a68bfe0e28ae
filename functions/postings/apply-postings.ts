import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { logger } from '#shared/powertools/logger.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { applyDeliveries } from '#shared/application/execution/apply-postings.ts';
import type { Delivery, DeliveryReport } from '#shared/application/execution/apply-postings.ts';
import { postingMessage } from '#shared/schemas/execution.ts';

/**
 * The postings consumer (SQS FIFO, ReportBatchItemFailures). Applies the batch in queue order with
 * one atomic write; a rule violation is a decided outcome (recorded as rejected, never retried).
 * When the write fails, each message group is applied on its own (applyDeliveries), so only the
 * failing group's postings — the one that failed and the later ones of its group, so a message
 * group never overtakes itself — are reported for redelivery. A posting that fails for a reason
 * that does not go away is decided `posting-failed` on its MAX_FAILED_ATTEMPTS-th delivery (SQS's
 * ApproximateReceiveCount) and counted in the PostingsFailed metric (alarm in shared/alarms.ts);
 * transient failures move to the DLQ after maxReceiveCount deliveries, as before.
 */
async function applyBatch(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: string[] = [];
  const records = new Map<PostingMessage, SQSRecord>();
  const deliveries: Delivery[] = [];
  for (const record of event.Records) {
    const message = parse(record);
    if (!message) {
      failures.push(record.messageId);
      continue;
    }
    records.set(message, record);
    deliveries.push({ message, attempt: Number(record.attributes.ApproximateReceiveCount) || 1 });
  }
  const report = await applyDeliveries(deliveries);
  record(report);
  if (report.redeliver.length > 0) {
    const first = report.redeliver[0]?.error as Error | undefined;
    logger.warn('postings left for redelivery', {
      error: { name: first?.name, message: first?.message },
      postingIds: report.redeliver.map((r) => r.message.postingId),
    });
    metrics.addMetric('PostingsRedelivered', MetricUnit.Count, report.redeliver.length);
  }
  for (const { message } of report.redeliver) failures.push(records.get(message)?.messageId ?? '');
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

function record(report: DeliveryReport): void {
  const counts = { applied: 0, rejected: 0, duplicate: 0 };
  for (const outcome of report.outcomes) {
    counts[outcome.status] += 1;
    if (outcome.status === 'rejected')
      logger.info('posting rejected', { postingId: outcome.message.postingId, rule: outcome.refusal.code });
  }
  for (const { message, error } of report.failed) {
    logger.error('posting failed for good: recorded as rejected (posting-failed); replay it once repaired', {
      postingId: message.postingId,
      gov: message.gov,
      error: { name: (error as Error).name, message: (error as Error).message },
    });
  }
  metrics.addMetric('PostingsApplied', MetricUnit.Count, counts.applied);
  metrics.addMetric('PostingsRejected', MetricUnit.Count, counts.rejected);
  metrics.addMetric('PostingsDuplicate', MetricUnit.Count, counts.duplicate);
  metrics.addMetric('PostingsFailed', MetricUnit.Count, report.failed.length);
  metrics.addMetric('PostingWriteUnits', MetricUnit.Count, report.capacityUnits);
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>(applyBatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
