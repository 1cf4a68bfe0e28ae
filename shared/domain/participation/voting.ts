import type { ProposalState } from '#shared/domain/participation/review.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The rules of a resident's vote: only proposals the committee found eligible are on the ballot;
 * a resident votes once per proposal and at most `voteLimit` times in the cycle. The store's
 * conditional write keeps the last two exactly; these say what a client is told when it does.
 * Source: 지방재정법 §39 (주민참여예산); one vote per proposal and the votes per resident are the cycle's rules (practice).
 */
export const eligibilityRefusal = (proposalId: string, state: ProposalState): Refusal | undefined =>
  state === 'eligible' ? undefined : notEligible(proposalId, state);

export const notEligible = (proposalId: string, state: ProposalState): Refusal =>
  refusal(
    'conflict',
    'proposal-not-eligible',
    `proposal ${proposalId} is ${state}; only proposals the committee found eligible can be voted for`,
    { state },
  );

export const alreadyVoted = (proposalId: string): Refusal =>
  refusal('conflict', 'already-voted', `you have already voted for proposal ${proposalId}; a resident votes once per proposal`, {
    proposalId,
  });

export const voteLimitReached = (voteLimit: number): Refusal =>
  refusal('conflict', 'vote-limit-reached', `you have cast all ${voteLimit} votes of this cycle`, {
    rule: 'votes per resident ≤ voteLimit',
    voteLimit,
  });
