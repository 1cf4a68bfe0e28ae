import type { Contract } from '#shared/domain/contract/contract.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** The 세입세출외현금 record a contract names as its 하자보수보증금, as execution keeps it. */
export interface HeldDeposit {
  readonly book: string;
  readonly custodyKind: string;
  readonly contractId?: string | undefined;
  readonly deposited: number;
  readonly released: number;
}

/**
 * The deposit a contract names for its 하자보수보증금 (지방계약법 제21조제1항: the contractor pays it to
 * guarantee the repair of defects during the 담보책임 period): an applied 세입세출외현금 record
 * (`defect-deposit-not-found`), a 하자보수보증금 of this contract (`defect-deposit-mismatch`), still holding
 * at least the contract's rate of its amount (`defect-deposit-short`; the rate is the contract's own,
 * the bounds of 제21조제2항 are in the 시행령).
 */
export function defectDepositRefusal(contract: Contract, depositRef: string, held: HeldDeposit | undefined): Refusal | undefined {
  if (!held) {
    return refusal(
      'not-found',
      'defect-deposit-not-found',
      `no 세입세출외현금 deposit ${depositRef} was received in government ${contract.gov}`,
      {
        depositRef,
      },
    );
  }
  if (
    held.book !== 'guarantee' ||
    held.custodyKind !== 'defect-guarantee' ||
    (held.contractId !== undefined && held.contractId !== contract.contractId)
  ) {
    return refusal(
      'unprocessable',
      'defect-deposit-mismatch',
      `deposit ${depositRef} is not a 하자보수보증금 of contract ${contract.contractId}`,
      {
        rule: 'a contract names its own 하자보수보증금 (지방계약법 제21조제1항)',
        depositRef,
        kind: held.custodyKind,
        depositContractId: held.contractId,
      },
    );
  }
  const rateBp = contract.guarantees.defect?.rateBp ?? 0;
  const required = Number((BigInt(contract.amount) * BigInt(rateBp) + 9_999n) / 10_000n);
  const balance = held.deposited - held.released;
  if (balance >= required) return undefined;
  return refusal('unprocessable', 'defect-deposit-short', `deposit ${depositRef} holds ${balance} won; the guarantee is ${required}`, {
    rule: '하자보수보증금 ≥ contract amount × its rate (지방계약법 제21조제1항·제2항)',
    depositRef,
    balance,
    required,
    rateBp,
  });
}
