import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { closingPorts } from '#shared/application/settlement/closing-ports.ts';
import { checkUnconfirmedOrders } from '#shared/application/settlement/check-unconfirmed-orders.ts';
import { runClosing } from '#shared/application/settlement/run-closing.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { parsePeriod, parsePeriodOfYear } from '#shared/domain/settlement/periods.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import { logger } from '#shared/powertools/logger.ts';
import { putJobMetric } from '#shared/stores/settlement/metrics.ts';
import { readOrderDocuments } from '#shared/stores/settlement/order-documents.ts';
import { closingMessage } from '#shared/schemas/settlement.ts';

/**
 * The settlement queue's consumer: closes one government's period per message. A refused closing
 * (not yet allowed, earlier periods open, an unbalanced trial balance) is decided: the period stays
 * open, the closing's status says why and ClosingsFailed counts it (alarm); it is not retried. Any
 * other failure is reported back (ReportBatchItemFailures) and retried from its last completed step.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const message = messageOf(record.body);
    if (!message) {
      logger.error('closing message is not valid; dropped', { messageId: record.messageId });
      continue;
    }
    const { job, backfill } = message;
    try {
      const result = await runClosing(job, closingPorts(record.messageId), { backfill });
      if (result.heldElsewhere) {
        // A second message for a closing another run holds (two runtimes fired the same schedule):
        // that run's message finishes it; this one is done.
        logger.info('closing already running under another message; this one is dropped', {
          gov: job.gov,
          kind: job.period.kind,
          period: job.period.id,
        });
        continue;
      }
      logger.info('closing done', {
        gov: job.gov,
        kind: job.period.kind,
        period: job.period.id,
        backfill,
        steps: result.stepsRun,
        itemsRead: result.itemsRead,
        differences: result.differences.length,
      });
      await putJobMetric(job, 'ClosingsCompleted', 1, 'Count');
      if (job.period.kind === 'daily') await reportUnconfirmedOrders(job);
    } catch (error) {
      if (error instanceof ArchiveConflict) await putJobMetric(job, 'ArchiveConflicts', 1, 'Count');
      const detail = error instanceof Refused ? { code: error.code, differences: differencesOf(error) } : {};
      logger.error('closing failed', { gov: job.gov, kind: job.period.kind, period: job.period.id, ...detail, error: error as Error });
      await putJobMetric(job, 'ClosingsFailed', 1, 'Count');
      if (!(error instanceof Refused)) failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};

/**
 * Payment orders the bank left unpaid (PaymentOrdersUnconfirmed, alarm): a failure here is logged and
 * never fails the closing, which is done; the next daily closing checks the window again.
 */
async function reportUnconfirmedOrders(job: ClosingJob): Promise<void> {
  try {
    const open = await checkUnconfirmedOrders(job, { orders: readOrderDocuments, metric: putJobMetric });
    if (open.count > 0) logger.warn('payment orders not confirmed by the treasury bank', { gov: job.gov, day: job.period.id, ...open });
  } catch (error) {
    logger.error('unconfirmed payment order check failed', { gov: job.gov, day: job.period.id, error: error as Error });
  }
}

/** How many figures disagreed when a closing was refused (trial-balance-unbalanced). */
const differencesOf = (refused: Refused): number => (refused.refusal.context?.differences as readonly unknown[] | undefined)?.length ?? 0;

function messageOf(body: string): { job: ClosingJob; backfill: boolean } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = closingMessage.safeParse(json);
  if (!message.success) return undefined;
  const { kind, period: id, year } = message.data;
  const period = year === undefined ? parsePeriod(kind, id) : parsePeriodOfYear(kind, id, year);
  return period ? { job: { gov: message.data.gov, period }, backfill: message.data.backfill === true } : undefined;
}
