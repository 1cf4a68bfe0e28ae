import { requireCycle } from '#shared/application/participation/lookups.ts';
import { publicView } from '#shared/application/participation/views.ts';
import type { ProposalState } from '#shared/domain/participation/review.ts';
import { invalid } from '#shared/domain/refusal.ts';
import { decodeProposalCursor, encodeProposalCursor } from '#shared/stores/participation/keys.ts';
import { listProposals as readProposals } from '#shared/stores/participation/proposals.ts';
import type { PublicProposal } from '#shared/schemas/participation.ts';

export interface ProposalListing {
  readonly state?: ProposalState | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** One page of a cycle's proposals in submission order, public; their votes show once the cycle is closed. */
export async function listProposals(
  gov: string,
  year: number,
  listing: ProposalListing,
): Promise<{ items: PublicProposal[]; cursor?: string }> {
  const cycle = await requireCycle(gov, year);
  const afterKey = listing.cursor === undefined ? undefined : decodeProposalCursor(listing.cursor);
  if (listing.cursor !== undefined && afterKey === undefined)
    throw invalid('invalid-cursor', 'the cursor is not one this listing returned');
  const page = await readProposals(gov, year, { state: listing.state, limit: listing.limit, afterKey });
  const closed = cycle.state === 'closed';
  return {
    items: page.items.map((proposal) => publicView(proposal, closed)),
    ...(page.lastKey ? { cursor: encodeProposalCursor(page.lastKey) } : {}),
  };
}
