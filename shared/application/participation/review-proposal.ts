import { proposalTarget } from '#shared/application/participation/audit-targets.ts';
import { requireCycle, requireProposal } from '#shared/application/participation/lookups.ts';
import { publicView } from '#shared/application/participation/views.ts';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { cycleNotIn, cycleStateRefusal } from '#shared/domain/participation/cycle.ts';
import { alreadyReviewed, reviewOutcome, reviewRefusal } from '#shared/domain/participation/review.ts';
import type { ReviewFindings } from '#shared/domain/participation/review.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { recordReview } from '#shared/stores/participation/proposals.ts';
import type { PublicProposal } from '#shared/schemas/participation.ts';

const operation = 'reviewing a proposal';

/**
 * The committee's review of a submitted proposal, while the cycle is in review: the findings decide
 * the outcome (review.ts); the write is conditional on the proposal being unreviewed and the cycle
 * still in review, and takes the proposal off the cycle's pending count.
 */
export async function reviewProposal(
  request: RequestInfo,
  gov: string,
  year: number,
  proposalId: string,
  findings: ReviewFindings & { note?: string | undefined },
): Promise<PublicProposal> {
  const cycle = await requireCycle(gov, year);
  const inReview = cycleStateRefusal(cycle.state, 'review', operation);
  if (inReview) throw new Refused(inReview);
  const proposal = await requireProposal(gov, year, proposalId);
  const reviewed = reviewRefusal(proposalId, proposal.state);
  if (reviewed) throw new Refused(reviewed);
  const outcome = reviewOutcome(findings);
  const audit = auditRecord(request, { gov, operation: 'participation.proposal.review', target: proposalTarget(gov, year, proposalId) });
  const written = await recordReview(gov, year, proposalId, { outcome, note: findings.note, at: request.receivedAt }, audit);
  if (!written.ok) {
    if (written.failed.has('proposal'))
      throw new Refused(alreadyReviewed(proposalId, (await requireProposal(gov, year, proposalId)).state));
    throw new Refused(cycleNotIn((await requireCycle(gov, year)).state, 'review', operation));
  }
  return publicView(
    { ...proposal, state: outcome.state, exclusionReasons: outcome.reasons, ...(findings.note ? { reviewNote: findings.note } : {}) },
    false,
  );
}
