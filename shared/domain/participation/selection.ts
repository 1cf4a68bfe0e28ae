/**
 * The result of a cycle: eligible proposals ranked by votes (more first; at equal votes the cheaper,
 * then the earlier proposal) and selected in that order while they fit in the budget cap. A
 * proposal that does not fit in what is left is passed over and the next one is tried, so the cap
 * is used as far as the ranking allows. A proposal nobody voted for is never selected.
 */
export interface Candidate {
  readonly proposalId: string;
  readonly estimatedCost: number;
  readonly votes: number;
}

export type Selected<C extends Candidate> = C & { readonly rank: number };

export interface Selection<C extends Candidate> {
  readonly budgetCap: number;
  readonly selectedTotal: number;
  readonly selected: readonly Selected<C>[];
}

export const byRanking = (a: Candidate, b: Candidate): number =>
  b.votes - a.votes || a.estimatedCost - b.estimatedCost || (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0);

export function selectWithinCap<C extends Candidate>(candidates: readonly C[], budgetCap: number): Selection<C> {
  const selected: Selected<C>[] = [];
  let total = 0;
  for (const candidate of [...candidates].sort(byRanking)) {
    if (candidate.votes === 0) break;
    if (total + candidate.estimatedCost > budgetCap) continue;
    total += candidate.estimatedCost;
    selected.push({ ...candidate, rank: selected.length + 1 });
  }
  return { budgetCap, selectedTotal: total, selected };
}
