import type { Period } from '#shared/domain/subsidy/dates.ts';
import type { RecipientKind } from '#shared/domain/subsidy/program.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A 교부신청 (보조금법 §7①; 보조금령 §5): purpose and content (the 사업계획), the costs, the amount asked,
 * the applicant's own share, and the planned start and end. The costs are the cost allocation
 * (경비 배분) later executions are held to, each line split into grant and own money, which are kept
 * apart from the start (보조금법 §24①).
 */
export interface CostLine {
  readonly item: string;
  readonly grant: number;
  readonly own: number;
}

/** What an application asks for, as submitted and as stored. */
export interface ApplicationContent {
  readonly projectName: string;
  readonly plan: string;
  readonly costs: readonly CostLine[];
  readonly amountAsked: number;
  readonly ownShare: number;
  readonly period: Period;
}

export interface ApplicationInput extends ApplicationContent {
  readonly recipientKind: RecipientKind;
}

export interface ProgramTerms {
  readonly minOwnShareBp: number;
  readonly eligibleKinds: readonly RecipientKind[];
}

export const totalOf = (costs: readonly CostLine[], source: 'grant' | 'own'): number => costs.reduce((sum, line) => sum + line[source], 0);

export function applicationRefusal(input: ApplicationInput, terms: ProgramTerms): Refusal | undefined {
  if (!terms.eligibleKinds.includes(input.recipientKind)) {
    return refusal('unprocessable', 'recipient-kind-not-eligible', `this program is open to ${terms.eligibleKinds.join(', ')} only`, {
      rule: 'recipient kind ∈ program eligibility (보조금법 §8①1)',
      recipientKind: input.recipientKind,
      eligibleKinds: terms.eligibleKinds,
    });
  }
  const grant = totalOf(input.costs, 'grant');
  const own = totalOf(input.costs, 'own');
  if (grant !== input.amountAsked || own !== input.ownShare) {
    return refusal('unprocessable', 'application-costs-mismatch', 'the cost lines do not add up to the amount asked and the own share', {
      rule: 'Σ grant = amountAsked and Σ own = ownShare (보조금령 §5 3·4호)',
      numbers: { grantLines: grant, amountAsked: input.amountAsked, ownLines: own, ownShare: input.ownShare },
    });
  }
  if (input.period.end < input.period.start) {
    return refusal('unprocessable', 'invalid-project-period', 'the project ends before it starts', {
      rule: 'start ≤ end (보조금령 §5 5호)',
      period: input.period,
    });
  }
  const total = grant + own;
  // own / total ≥ min / 10000, kept in integers: own × 10000 ≥ min × total.
  if (input.ownShare * 10_000 < terms.minOwnShareBp * total) {
    return refusal('unprocessable', 'own-share-below-minimum', 'the own share is below the program’s minimum ratio', {
      rule: 'ownShare × 10000 ≥ minOwnShareBp × totalCost (보조금법 §6①, §8①4)',
      numbers: { ownShare: input.ownShare, totalCost: total, minOwnShareBp: terms.minOwnShareBp },
    });
  }
  return undefined;
}
