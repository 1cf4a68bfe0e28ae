import { describe, expect, it } from 'vitest';
import { checkDeliveryPlan, deliveryPlans, minimumRetryHours, retryHours } from '#infra/cdk/delivery-plan.ts';
import { MAX_FAILED_ATTEMPTS } from '#shared/application/execution/apply-postings.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';

describe('the deployed delivery plan (issue #19, finding 3)', () => {
  it('retries transient failures for hours and quarantines poison in code long before the dead-letter queue', () => {
    for (const key of Object.keys(queues) as QueueKey[]) {
      const plan = deliveryPlans[key];
      expect(retryHours(plan), key).toBeGreaterThanOrEqual(minimumRetryHours);
      expect(plan.visibilityTimeoutSeconds).toBe(queues[key].visibilityTimeoutSeconds);
      expect(() => checkDeliveryPlan(key, plan)).not.toThrow();
    }
    expect(retryHours(deliveryPlans.postings)).toBe(6);
    expect(deliveryPlans.postings.maxReceiveCount).toBeGreaterThan(100 * MAX_FAILED_ATTEMPTS);
  });

  it('keeps every dead-letter queue at the SQS maximum, days longer than its source', () => {
    for (const plan of Object.values(deliveryPlans)) {
      expect(plan.deadLetterRetentionDays).toBe(14);
      expect(plan.retentionDays).toBeLessThanOrEqual(plan.deadLetterRetentionDays - 3);
    }
  });

  it('refuses a plan that would dead-letter within minutes or let a message expire unseen', () => {
    const fiveMinutes = { visibilityTimeoutSeconds: 60, maxReceiveCount: 5, retentionDays: 14, deadLetterRetentionDays: 14 };
    expect(() => checkDeliveryPlan('hojo-postings.fifo', fiveMinutes)).toThrow(
      /retries only 0\.08 h \(< 2 h\); dead-letter retention 14 d < source 14 d \+ 3 d margin/,
    );
    expect(() => checkDeliveryPlan('q', { ...deliveryPlans.postings, maxReceiveCount: 2000 })).toThrow(/maxReceiveCount 2000 > 1000/);
  });
});
