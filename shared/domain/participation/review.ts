import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The committee's feasibility review of a proposal. The committee records facts as flags; the
 * outcome follows from them, so an excluded proposal always carries the reasons it was excluded
 * for and an eligible one never carries any. Typical exclusions (지방재정법 시행령 §46 and local
 * ordinances): projects funded by national or provincial subsidies, spending the law already
 * makes mandatory, and projects the committee finds infeasible.
 */
export interface ReviewFindings {
  readonly subsidyProject: boolean;
  readonly legallyMandatory: boolean;
  readonly feasible: boolean;
}

export const exclusionReasons = ['national-or-provincial-subsidy', 'legally-mandatory-spending', 'not-feasible'] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export type ReviewOutcome =
  | { readonly state: 'eligible'; readonly reasons: readonly [] }
  | { readonly state: 'excluded'; readonly reasons: readonly ExclusionReason[] };

export function reviewOutcome(findings: ReviewFindings): ReviewOutcome {
  const reasons: ExclusionReason[] = [];
  if (findings.subsidyProject) reasons.push('national-or-provincial-subsidy');
  if (findings.legallyMandatory) reasons.push('legally-mandatory-spending');
  if (!findings.feasible) reasons.push('not-feasible');
  return reasons.length === 0 ? { state: 'eligible', reasons: [] } : { state: 'excluded', reasons };
}

export const proposalStates = ['submitted', 'eligible', 'excluded'] as const;
export type ProposalState = (typeof proposalStates)[number];

/** The committee reviews a proposal once: only a submitted one can be reviewed. */
export const reviewRefusal = (proposalId: string, state: ProposalState): Refusal | undefined =>
  state === 'submitted' ? undefined : alreadyReviewed(proposalId, state);

export const alreadyReviewed = (proposalId: string, state: ProposalState): Refusal =>
  refusal('conflict', 'proposal-already-reviewed', `proposal ${proposalId} was already reviewed (${state})`, { state });
