import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Segregation of duties (지방회계법 제31조: the 지출원 who orders a payment is not the 재무관 who made
 * the commitment): the official who committed may not order its payment. Judged by the API on the
 * accepted commitment and again by the consumer on the applied resolution; 403, not 422.
 */
export function orderingOwnCommitment(committedBy: unknown, orderedBy: string, commitmentId: unknown): Refusal | undefined {
  if (committedBy !== orderedBy) return undefined;
  return refusal('forbidden', 'segregation-of-duties', 'the official who made the commitment cannot order its payment', {
    rule: 'segregation-of-duties',
    commitmentId,
  });
}
