import type { Contract } from '#shared/domain/contract/contract.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { getContract } from '#shared/stores/contract/contracts.ts';

/** The contract with its orders, or 404 `contract-not-found`. */
export async function requireContract(gov: string, contractId: string): Promise<Contract> {
  const found = await getContract(gov, contractId);
  if (!found) throw notFound('contract-not-found', `government ${gov} has no contract ${contractId} in its register`);
  return found;
}
