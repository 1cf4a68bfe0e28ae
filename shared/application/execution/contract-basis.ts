import type { PostingCommand } from '#shared/domain/execution/posting.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/** A commitment or payment order as accepted, with the commitment of its chain (for an order). */
export interface ContractPosting {
  readonly gov: string;
  readonly year: number;
  readonly postingId: string;
  readonly command: PostingCommand;
  /** For an order: the commitment its resolution rests on. */
  readonly commitment: PostingCommand | undefined;
}

/**
 * The port through which acceptance asks whether a posting on a contract keeps the contract rules
 * (execution owns it; the contract context answers it, joined in shared/wiring/contract-basis.ts).
 * A refusal stops the posting; `link` is written in the acceptance's own transaction (the order taken
 * on a 선금 claim or inspection, so each is paid once). A posting without a contract gets `{}`.
 */
export type ContractBasis = (posting: ContractPosting) => Promise<{ readonly refusal: Refusal } | { readonly link?: TransactItem }>;
