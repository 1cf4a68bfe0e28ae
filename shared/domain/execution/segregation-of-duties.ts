import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';

/**
 * Segregation of duties (지방회계법 제36조: 재무관 and 지출원 may not be one person; 제31조 appoints the
 * 지출원): the official who committed may not order its payment, however the subject is spelled
 * (`sameOfficial`). Judged by the API on the
 * accepted commitment and again by the consumer on the applied resolution; 403, not 422.
 */
export function orderingOwnCommitment(committedBy: unknown, orderedBy: string, commitmentId: unknown): Refusal | undefined {
  if (typeof committedBy !== 'string' || !sameOfficial(committedBy, orderedBy)) return undefined;
  return refusal('forbidden', 'segregation-of-duties', 'the official who made the commitment cannot order its payment', {
    rule: 'segregation-of-duties',
    commitmentId,
  });
}
