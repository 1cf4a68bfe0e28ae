import { yearAmount } from '#shared/domain/contract/contract.ts';
import type { Contract } from '#shared/domain/contract/contract.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** What a payment order on a contract pays: a 선금 claim or an inspection (지방계약법 §18①). */
export type ContractBasisRef =
  | { readonly contractId: string; readonly advanceId: string }
  | { readonly contractId: string; readonly inspectionId: string };

export const basisDocument = (basis: ContractBasisRef): string => ('advanceId' in basis ? basis.advanceId : basis.inspectionId);

/**
 * A 지출원인행위 on a contract commits this year's contract amount (execution-rules §5): the 차수 of
 * the year for 장기계속 (지방계약법 §24), the 연부액 for 계속비, the amount otherwise; a 단가계약
 * commits up to its estimated total (시행령 §79: the orders are placed within it). A completed
 * contract takes no new commitment.
 */
export function commitmentRefusal(contract: Contract, year: number, amount: number): Refusal | undefined {
  const expected = yearAmount(contract, year);
  const fits = contract.type.kind === 'unit-price' ? amount <= expected : amount === expected;
  if (fits && expected > 0) return undefined;
  return refusal(
    'unprocessable',
    'commitment-not-contract-amount',
    `the 지출원인행위 of ${amount} won is not this year's contract amount ${expected}`,
    {
      rule:
        contract.type.kind === 'unit-price'
          ? '단가계약: 지출원인행위 ≤ the estimated total'
          : "지출원인행위 = this year's contract amount (장기계속: the 차수; 계속비: the 연부액) (지방회계법 §29; 지방계약법 §24)",
      contractId: contract.contractId,
      year,
      contractYearAmount: expected,
      amount,
    },
  );
}

/**
 * A payment order on a contract rests on a 검사 or a 선금 claim (지방계약법 §18①; 회계령 §44) of that
 * contract, for exactly what it made payable, and pays each once.
 */
export function orderRefusal(
  contract: Contract,
  basis: ContractBasisRef,
  amount: number,
  orderedBy: string | undefined,
): Refusal | undefined {
  const document = basisDocument(basis);
  const payable =
    'advanceId' in basis
      ? contract.advances.find((claim) => claim.advanceId === basis.advanceId)?.amount
      : contract.inspections.find((inspection) => inspection.inspectionId === basis.inspectionId)?.payable;
  if (payable === undefined) {
    return refusal(
      'unprocessable',
      'contract-basis-not-found',
      `contract ${contract.contractId} has no ${'advanceId' in basis ? '선금 claim' : 'inspection'} ${document}`,
      {
        rule: 'a payment order on a contract names its 검사 or 선금 claim (지방계약법 §18①)',
        contractId: contract.contractId,
        document,
      },
    );
  }
  if (orderedBy !== undefined) {
    return refusal(
      'conflict',
      'contract-basis-ordered',
      `${document} of contract ${contract.contractId} was ordered already (posting ${orderedBy})`,
      {
        document,
        postingId: orderedBy,
      },
    );
  }
  if (amount !== payable) {
    return refusal(
      'unprocessable',
      'contract-payment-amount',
      `the order of ${amount} won is not the ${payable} won ${document} made payable`,
      {
        rule: 'pays what the 검사 (net of 선금정산) or the 선금 claim made payable',
        document,
        payable,
        amount,
      },
    );
  }
  return undefined;
}

/** An order on a commitment of a contract without a basis, or a basis on another contract's commitment. */
export function basisLinkRefusal(commitmentContractId: string | undefined, basis: ContractBasisRef | undefined): Refusal | undefined {
  if (commitmentContractId !== undefined && basis === undefined) {
    return refusal(
      'unprocessable',
      'contract-payment-basis-required',
      'a payment order on a contract needs an inspection (검사) or a 선금 claim',
      {
        rule: '대가 is paid after 검사, or as 선금 (지방계약법 §18①; 회계령 §44)',
        contractId: commitmentContractId,
      },
    );
  }
  if (basis !== undefined && basis.contractId !== commitmentContractId) {
    return refusal('unprocessable', 'contract-basis-mismatch', `the commitment is not on contract ${basis.contractId}`, {
      rule: 'the basis belongs to the contract of the commitment',
      commitmentContract: commitmentContractId ?? null,
      basisContract: basis.contractId,
    });
  }
  return undefined;
}
