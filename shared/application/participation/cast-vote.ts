import { cycleTarget } from '#shared/application/participation/audit-targets.ts';
import { requireCycle, requireProposal } from '#shared/application/participation/lookups.ts';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { cycleNotIn, cycleStateRefusal } from '#shared/domain/participation/cycle.ts';
import { alreadyVoted, eligibilityRefusal, notEligible, voteLimitReached } from '#shared/domain/participation/voting.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { insertVote, votesOf } from '#shared/stores/participation/votes.ts';

export interface VoteReceipt {
  readonly proposalId: string;
  readonly votedAt: string;
  readonly votesUsed: number;
  readonly voteLimit: number;
}

/**
 * A resident's vote for an eligible proposal while the cycle is voting. The checks here answer
 * early; the store's one conditional write is what keeps each rule exactly under concurrency, and
 * the item that failed names the rule broken.
 */
export async function castVote(request: RequestInfo, gov: string, year: number, voter: string, proposalId: string): Promise<VoteReceipt> {
  const cycle = await requireCycle(gov, year);
  const voting = cycleStateRefusal(cycle.state, 'voting', 'voting');
  if (voting) throw new Refused(voting);
  const eligible = eligibilityRefusal(proposalId, (await requireProposal(gov, year, proposalId)).state);
  if (eligible) throw new Refused(eligible);
  const votedAt = request.receivedAt;
  // The audit record names the cycle, not the proposal: the trail shows that a resident voted, not for what.
  const audit = auditRecord(request, { gov, operation: 'participation.vote', target: cycleTarget(gov, year) });
  const outcome = await insertVote(gov, year, { voter, proposalId, votedAt }, cycle.voteLimit, audit);
  if (!outcome.ok) throw new Refused(await whyNotCounted(outcome.failed, gov, year, proposalId, cycle.voteLimit));
  const ballot = await votesOf(gov, year, voter);
  return { proposalId, votedAt, votesUsed: ballot.length, voteLimit: cycle.voteLimit };
}

/** The rule a refused vote broke, the cycle's state first (after a close, nothing else matters). */
async function whyNotCounted(
  failed: ReadonlySet<string>,
  gov: string,
  year: number,
  proposalId: string,
  voteLimit: number,
): Promise<Refusal> {
  if (failed.has('cycle')) return cycleNotIn((await requireCycle(gov, year)).state, 'voting', 'voting');
  if (failed.has('vote')) return alreadyVoted(proposalId);
  if (failed.has('ballot')) return voteLimitReached(voteLimit);
  return notEligible(proposalId, (await requireProposal(gov, year, proposalId)).state);
}
