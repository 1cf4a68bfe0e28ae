import { recordNew } from '#shared/application/record-new.ts';
import { contractView } from '#shared/application/contract/contract-view.ts';
import type { Contract } from '#shared/domain/contract/contract.ts';
import { contractTermsRefusal } from '#shared/domain/contract/register-rules.ts';
import { Refused, conflict } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { contractTarget, putNewContract } from '#shared/stores/contract/contracts.ts';
import type { StoredContract } from '#shared/stores/contract/contracts.ts';

export type ContractTerms = Omit<
  Contract,
  'gov' | 'changes' | 'advances' | 'inspections' | 'advanceReturns' | 'completion' | 'orders' | 'revision'
>;

/** Enters a contract in the register (지방계약법 §14①) with its audit record, once per id. */
export async function registerContract(request: RequestInfo, gov: string, terms: ContractTerms) {
  const contract: StoredContract = { ...terms, gov, changes: [], advances: [], inspections: [], advanceReturns: [], revision: 1 };
  const refused = contractTermsRefusal(contract);
  if (refused) throw new Refused(refused);
  await recordNew(
    request,
    { gov, operation: 'contract.register', target: contractTarget(gov, terms.contractId) },
    putNewContract(contract),
    () => conflict('contract-exists', `government ${gov} has contract ${terms.contractId} in its register already`),
  );
  return contractView({ ...contract, orders: {} });
}
