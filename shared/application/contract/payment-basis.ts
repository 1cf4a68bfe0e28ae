import type { ContractPosting } from '#shared/application/execution/contract-basis.ts';
import { basisDocument, basisLinkRefusal, commitmentRefusal, orderRefusal } from '#shared/domain/contract/payment-basis.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { getContract, putContractOrder } from '#shared/stores/contract/contracts.ts';
import { readPostingStatus } from '#shared/stores/execution/posting-status.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

type Outcome = { readonly refusal: Refusal } | { readonly link?: TransactItem };

/**
 * The contract rules of a posting (execution's ContractBasis port): a commitment naming a contract is
 * this year's contract amount; an order on a contract's commitment names a 선금 claim or inspection of
 * that contract and pays what it made payable, once (an order the consumer rejected frees it again).
 */
export async function contractRulesOf(posting: ContractPosting): Promise<Outcome> {
  const { gov, year, command } = posting;
  if (command.kind === 'commit') {
    if (command.contractId === undefined) return {};
    const contract = await getContract(gov, command.contractId);
    if (!contract) return { refusal: missing(gov, command.contractId) };
    const refused = commitmentRefusal(contract, year, command.amount);
    return refused ? { refusal: refused } : {};
  }
  if (command.kind !== 'order') return {};
  const committedOn = posting.commitment?.kind === 'commit' ? posting.commitment.contractId : undefined;
  const linkRefused = basisLinkRefusal(committedOn, command.contractBasis);
  if (linkRefused) return { refusal: linkRefused };
  const basis = command.contractBasis;
  if (basis === undefined) return {};
  const contract = await getContract(gov, basis.contractId);
  if (!contract) return { refusal: missing(gov, basis.contractId) };
  const document = basisDocument(basis);
  const previous = contract.orders[document];
  const previousStatus = previous === undefined ? undefined : (await readPostingStatus(gov, previous))?.status;
  const standing = previous !== undefined && previousStatus !== 'rejected' ? previous : undefined;
  const refused = orderRefusal(contract, basis, command.amount, standing);
  if (refused) return { refusal: refused };
  return { link: putContractOrder(gov, basis.contractId, document, posting.postingId, previous) };
}

const missing = (gov: string, contractId: string): Refusal =>
  refusal('unprocessable', 'contract-not-found', `government ${gov} has no contract ${contractId} in its register`, { contractId });
