import type { CycleState } from '#shared/domain/participation/cycle.ts';
import { selectWithinCap } from '#shared/domain/participation/selection.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** An eligible proposal as the count sees it. Source: 지방재정법 §39 (주민참여예산); counting and publishing are practice. */
export interface CountedProposal {
  readonly proposalId: string;
  readonly title: string;
  readonly field: string;
  readonly estimatedCost: number;
  readonly votes: number;
}

export interface SelectedProposal extends CountedProposal {
  readonly rank: number;
}

/** The published result of a closed cycle. */
export interface CycleResult {
  readonly budgetCap: number;
  readonly selectedTotal: number;
  readonly selected: readonly SelectedProposal[];
  readonly closedAt: string;
}

/** The result from the settled counts: the proposals selected within the cap (selection.ts), only what is published of each. */
export function cycleResult(counted: readonly CountedProposal[], budgetCap: number, closedAt: string): CycleResult {
  const selection = selectWithinCap(counted, budgetCap);
  return {
    budgetCap: selection.budgetCap,
    selectedTotal: selection.selectedTotal,
    selected: selection.selected.map(({ rank, proposalId, title, field, estimatedCost, votes }) => ({
      rank,
      proposalId,
      title,
      field,
      estimatedCost,
      votes,
    })),
    closedAt,
  };
}

export const resultNotPublished = (gov: string, year: number, state: CycleState): Refusal =>
  refusal(
    'not-found',
    'result-not-published',
    `the ${year} cycle of government ${gov} is ${state}; its result is published when it closes`,
  );
