import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';

/**
 * How long a deployed queue keeps retrying before its dead-letter queue, and how long each keeps a
 * message (issue #19, finding 3). The local runtime keeps the declarations' short redrive
 * (shared/resources.ts) so that its tests reach a dead-letter queue in seconds; on AWS:
 *
 * - Transient failures (throttling, a lost race, the table unreachable) are handed back by the
 *   consumer and retried for hours: visibility × maxReceiveCount ≥ `minimumRetryHours`. In a FIFO
 *   queue the line's later postings wait behind the retried one, so its order holds throughout.
 * - True poison (a failure that does not go away) is decided in code on the MAX_FAILED_ATTEMPTS-th
 *   delivery as a rejected `posting-failed` (shared/application/execution/apply-postings.ts), long
 *   before the dead-letter queue: the dead-letter queue receives only what hours of retries could
 *   not apply, i.e. an outage, and is an alarm (README, Redrive in line order).
 * - Retention: a standard dead-letter queue keeps the enqueue time of the source, a FIFO one resets
 *   it; either way the source keeps a message `retentionDays` and its dead-letter queue 14 days
 *   (the SQS maximum), at least `minimumMarginDays` more, so nothing expires unseen.
 */
export interface DeliveryPlan {
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  readonly deadLetterRetentionDays: number;
  /**
   * Unsharded queues: batches at once (the event source's MaximumConcurrency) and the consumer's
   * reserved concurrency, equal, so that the 243 closings of a fan-out run a few at a time and never
   * take the concurrency the API needs (issue #19, finding 6). Sharded families: queue-family-plan.ts.
   */
  readonly maximumConcurrency?: number;
}

export const minimumRetryHours = 2;
export const minimumMarginDays = 3;
/** SQS limits: retention 60 s to 14 days; maxReceiveCount 1 to 1000. */
export const sqsMaximumRetentionDays = 14;
export const sqsMaximumReceiveCount = 1000;

export const deliveryPlans: Readonly<Record<QueueKey, DeliveryPlan>> = {
  // 60 s × 360 = 6 hours of retries; the consumer decides poison on delivery 3.
  postings: {
    visibilityTimeoutSeconds: queues.postings.visibilityTimeoutSeconds,
    maxReceiveCount: 360,
    retentionDays: 10,
    deadLetterRetentionDays: 14,
  },
  // 300 s × 36 = 3 hours; a closing resumes from its last completed step; a refused one is not retried.
  // 10 closings at once: 243 governments in about 25 rounds of a closing's duration.
  settlement: {
    visibilityTimeoutSeconds: queues.settlement.visibilityTimeoutSeconds,
    maxReceiveCount: 36,
    retentionDays: 10,
    deadLetterRetentionDays: 14,
    maximumConcurrency: 10,
  },
};

/** The hours a message is retried before its dead-letter queue. */
export const retryHours = (plan: DeliveryPlan): number => (plan.visibilityTimeoutSeconds * plan.maxReceiveCount) / 3600;

/** Refuses a plan that would move transient failures to a dead-letter queue early or let a message expire unseen. */
export function checkDeliveryPlan(queueName: string, plan: DeliveryPlan): void {
  const problems: string[] = [];
  if (retryHours(plan) < minimumRetryHours) problems.push(`retries only ${retryHours(plan).toFixed(2)} h (< ${minimumRetryHours} h)`);
  if (plan.maxReceiveCount > sqsMaximumReceiveCount) problems.push(`maxReceiveCount ${plan.maxReceiveCount} > ${sqsMaximumReceiveCount}`);
  // The consumer's poison decision (MAX_FAILED_ATTEMPTS, 3) comes far below: test/infra/delivery-plan.test.ts.
  if (plan.deadLetterRetentionDays > sqsMaximumRetentionDays) problems.push(`dead-letter retention above ${sqsMaximumRetentionDays} days`);
  if (plan.deadLetterRetentionDays < plan.retentionDays + minimumMarginDays) {
    problems.push(
      `dead-letter retention ${plan.deadLetterRetentionDays} d < source ${plan.retentionDays} d + ${minimumMarginDays} d margin`,
    );
  }
  if (problems.length > 0) throw new Error(`delivery plan of ${queueName}: ${problems.join('; ')}`);
}
