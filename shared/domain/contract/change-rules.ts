import type { Contract, ContractChange, ContractType } from '#shared/domain/contract/contract.ts';
import { contractTermsRefusal } from '#shared/domain/contract/register-rules.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

export interface ChangeInput {
  readonly changeId: string;
  readonly date: string;
  readonly reason: ContractChange['reason'];
  readonly amount: number;
  /** The 차수 or 연부액 schedule after the change (장기계속, 계속비): it adds up to the new amount. */
  readonly type?: ContractType | undefined;
  readonly note: string;
}

/**
 * 계약금액 조정 (지방계약법 §22): the new amount (and schedule) replaces the old, the change is kept in
 * the history with both amounts; the amount never falls below what was inspected already, and the
 * schedule still adds up (register-rules.ts). The type of contract does not change.
 */
export function changeContract(contract: Contract, input: ChangeInput): { readonly contract: Contract } | { readonly refusal: Refusal } {
  const type = input.type ?? contract.type;
  if (type.kind !== contract.type.kind) {
    return {
      refusal: refusal('unprocessable', 'invalid-contract-terms', `a change keeps the contract type (${contract.type.kind})`, {
        rule: '계약금액 조정 changes amounts, not the kind of contract (지방계약법 §22)',
        type: contract.type.kind,
      }),
    };
  }
  const inspected = contract.inspections.reduce((sum, inspection) => sum + inspection.value, 0);
  if (input.amount < inspected) {
    return {
      refusal: refusal('unprocessable', 'inspection-exceeds-contract', 'the new amount is below what was inspected already', {
        rule: 'Σ 검사금액 ≤ 계약금액 (지방계약법 §17, §22)',
        amount: input.amount,
        inspected,
      }),
    };
  }
  const changed = { ...contract, amount: input.amount, type };
  const terms = contractTermsRefusal(changed);
  if (terms) return { refusal: terms };
  const change: ContractChange = {
    changeId: input.changeId,
    date: input.date,
    reason: input.reason,
    amountBefore: contract.amount,
    amountAfter: input.amount,
    note: input.note,
  };
  return { contract: { ...changed, changes: [...contract.changes, change] } };
}
