import { updateContract } from '#shared/application/contract/update-contract.ts';
import { advanceClaimRefusal, advanceReturnRefusal } from '#shared/domain/contract/advance-rules.ts';
import { changeContract } from '#shared/domain/contract/change-rules.ts';
import type { ChangeInput } from '#shared/domain/contract/change-rules.ts';
import type { AdvanceClaim, AdvanceReturn } from '#shared/domain/contract/contract.ts';
import { inspect } from '#shared/domain/contract/inspection-rules.ts';
import type { InspectionInput } from '#shared/domain/contract/inspection-rules.ts';
import { addYears } from '#shared/domain/contract/defect-period.ts';
import { defectDepositRefusal } from '#shared/domain/contract/defect-deposit.ts';
import { readCustodyRecord } from '#shared/stores/execution/custody-records.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';

/** 계약금액 조정 (지방계약법 §22), kept in the change history. */
export const recordContractChange = (request: RequestInfo, gov: string, contractId: string, input: ChangeInput) =>
  updateContract(request, gov, contractId, 'contract.change', input.changeId, (contract) => changeContract(contract, input));

/** A 선금 claim (회계령 §44①); it is paid through the posting pipeline (a payment order naming it). */
export const claimContractAdvance = (request: RequestInfo, gov: string, contractId: string, claim: AdvanceClaim) =>
  updateContract(request, gov, contractId, 'contract.advance-claim', claim.advanceId, (contract) => {
    const refused = advanceClaimRefusal(contract, claim);
    return refused ? { refusal: refused } : { contract: { ...contract, advances: [...contract.advances, claim] } };
  });

/**
 * A 검사 (지방계약법 §17) with the 선금 netted against it. A 준공 inspection completes the contract and
 * starts the 하자담보책임기간 (§20) of the years the contract states.
 */
export const recordContractInspection = (request: RequestInfo, gov: string, contractId: string, input: InspectionInput) =>
  updateContract(request, gov, contractId, `contract.inspection.${input.kind}`, input.inspectionId, (contract) => {
    const outcome = inspect(contract, input);
    if ('refusal' in outcome) return outcome;
    const years = contract.guarantees.defect?.years;
    const completion =
      input.kind === 'completion'
        ? { completion: { completedOn: input.inspectedOn, ...(years ? { defectUntil: addYears(input.inspectedOn, years) } : {}) } }
        : {};
    return { contract: { ...contract, inspections: [...contract.inspections, outcome.inspection], ...completion } };
  });

/** A 선금 returned through the treasury bank (반납, recorded by the other side of the desk) instead of netted. */
export const recordAdvanceReturn = (request: RequestInfo, gov: string, contractId: string, entry: AdvanceReturn) =>
  updateContract(request, gov, contractId, 'contract.advance-return', entry.returnId, (contract) => {
    const refused = advanceReturnRefusal(contract, entry);
    return refused ? { refusal: refused } : { contract: { ...contract, advanceReturns: [...contract.advanceReturns, entry] } };
  });

/**
 * The hook to 세입세출외현금: once the 하자보수보증금 is deposited there (by the 세입세출외현금 side of the
 * desk), the contract names the deposit. Allowed after 준공, when the guarantee is given.
 */
export async function recordDefectDeposit(request: RequestInfo, gov: string, contractId: string, depositRef: string) {
  const held = await readCustodyRecord(gov, depositRef);
  return updateContract(
    request,
    gov,
    contractId,
    'contract.defect-deposit',
    `defect-deposit-${depositRef}`,
    (contract) => {
      const refused = defectDepositRefusal(contract, depositRef, held);
      if (refused) return { refusal: refused };
      return {
        contract: {
          ...contract,
          guarantees: { ...contract.guarantees, defect: { rateBp: 0, years: 0, ...contract.guarantees.defect, depositRef } },
        },
      };
    },
    { afterCompletion: true },
  );
}
