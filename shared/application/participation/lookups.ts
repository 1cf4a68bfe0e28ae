import { notFound } from '#shared/domain/refusal.ts';
import { getCycle } from '#shared/stores/participation/cycle.ts';
import type { CycleRecord } from '#shared/stores/participation/cycle.ts';
import { getProposal } from '#shared/stores/participation/proposals.ts';
import type { ProposalRecord } from '#shared/stores/participation/proposals.ts';

/** The reads every participation use case starts from; what is not there is a 404. */
export async function requireCycle(gov: string, year: number): Promise<CycleRecord> {
  const cycle = await getCycle(gov, year);
  if (!cycle) throw notFound('participation-cycle-not-found', `government ${gov} has no participatory budgeting cycle for ${year}`);
  return cycle;
}

export async function requireProposal(gov: string, year: number, proposalId: string): Promise<ProposalRecord> {
  const proposal = await getProposal(gov, year, proposalId);
  if (!proposal) throw notFound('proposal-not-found', `the ${year} cycle of government ${gov} has no proposal ${proposalId}`);
  return proposal;
}
