import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { contractView } from '#shared/application/contract/contract-view.ts';
import { requireContract } from '#shared/application/contract/require-contract.ts';
import type { Contract } from '#shared/domain/contract/contract.ts';
import { openContractRefusal } from '#shared/domain/contract/register-rules.ts';
import { Refused, conflict } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { contractTarget, replaceContract } from '#shared/stores/contract/contracts.ts';
import { transact } from '#shared/stores/table/transact.ts';

/** A step on an open contract: the new contract, or the rule it breaks. */
export type ContractStep = (contract: Contract) => { readonly contract: Contract } | { readonly refusal: Refusal };

/**
 * Reads the contract, refuses a step on a completed one or a document id used before, applies the
 * step's rule and writes the contract with its audit record if nobody changed it meanwhile (409
 * `revision-conflict` otherwise: read again and retry).
 */
export async function updateContract(
  request: RequestInfo,
  gov: string,
  contractId: string,
  operation: string,
  documentId: string,
  step: ContractStep,
  options: { readonly afterCompletion?: boolean } = {},
) {
  const contract = await requireContract(gov, contractId);
  const closed = options.afterCompletion ? undefined : openContractRefusal(contract);
  if (closed) throw new Refused(closed);
  if (documentIds(contract).includes(documentId)) {
    throw conflict('contract-document-exists', `contract ${contractId} has a document ${documentId} already`, { documentId });
  }
  const outcome = step(contract);
  if ('refusal' in outcome) throw new Refused(outcome.refusal);
  const { orders: _orders, orderPayments: _payments, ...stored } = outcome.contract;
  const written = await transact({
    contract: replaceContract(stored),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation, target: `${contractTarget(gov, contractId)}/${documentId}` })),
  });
  if (!written.ok) throw conflict('revision-conflict', `contract ${contractId} changed while this was being recorded; read it again`);
  return contractView({ ...outcome.contract, revision: contract.revision + 1 });
}

const documentIds = (contract: Contract): string[] => [
  ...contract.changes.map((change) => change.changeId),
  ...contract.advances.map((claim) => claim.advanceId),
  ...contract.inspections.map((inspection) => inspection.inspectionId),
  ...contract.advanceReturns.map((entry) => entry.returnId),
];
