import {
  advanceCases,
  CONTRACT_ADVANCE_CAP_BP,
  CONTRACT_ADVANCE_DECIDED_CAP_BP,
  contractAdvanceNatures,
} from '#shared/domain/contract/advance-cases.ts';
import { yearAmount } from '#shared/domain/contract/contract.ts';
import type { AdvanceClaim, AdvanceReturn, Contract } from '#shared/domain/contract/contract.ts';
import { unnettedAdvance } from '#shared/domain/contract/contract.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Whether a 선금 claim may be recorded (회계령 §44①): its case is one of the listed 호; a 13호 claim is
 * on a 공사·제조·용역 contract and, with the claims before it, stays within 70% of this year's
 * contract amount (the 차수 or 연부액 for 장기계속/계속비), or 100% with the head's recorded decision.
 */
export function advanceClaimRefusal(contract: Contract, claim: AdvanceClaim): Refusal | undefined {
  if (advanceCases[claim.case] === undefined) {
    return refusal('unprocessable', 'advance-case-not-listed', `선금급 case ${claim.case} is not one of 회계령 §44① 1–15`, {
      rule: '선금급 only for the costs listed in 회계령 §44①',
      case: claim.case,
    });
  }
  if (claim.case !== 13) return undefined;
  if (!contractAdvanceNatures.includes(contract.nature)) {
    return refusal(
      'unprocessable',
      'advance-case-not-listed',
      `a 13호 선금 is for 공사·제조·용역 contracts; this one is ${contract.nature}`,
      {
        rule: '회계령 §44①13: 공사·제조 또는 용역 계약의 대가',
        nature: contract.nature,
      },
    );
  }
  const base = yearAmount(contract, Number(claim.claimedOn.slice(0, 4)));
  const claimed = contract.advances.reduce((sum, earlier) => sum + earlier.amount, 0) + claim.amount;
  const capBp = claim.headDecision ? CONTRACT_ADVANCE_DECIDED_CAP_BP : CONTRACT_ADVANCE_CAP_BP;
  // claimed / base ≤ capBp / 10000, in integers.
  if (BigInt(claimed) * 10_000n > BigInt(base) * BigInt(capBp)) {
    return refusal(
      'unprocessable',
      'advance-over-limit',
      `선금 claims of ${claimed} won are over ${capBp / 100}% of this year's contract amount ${base}`,
      {
        rule: claim.headDecision
          ? "선금 ≤ 100% of the contract amount (회계령 §44①13, the head's decision)"
          : '선금 ≤ 70% of the contract amount unless the head decides up to 100% (회계령 §44①13)',
        contractYearAmount: base,
        claimed,
        limit: Number((BigInt(base) * BigInt(capBp)) / 10_000n),
      },
    );
  }
  return undefined;
}

/** A 선금 returned (반납) may not exceed what is still unnetted. */
export function advanceReturnRefusal(contract: Contract, entry: AdvanceReturn): Refusal | undefined {
  const balance = unnettedAdvance(contract);
  if (entry.amount <= balance) return undefined;
  return refusal(
    'unprocessable',
    'advance-return-over-balance',
    `a return of ${entry.amount} won is more than the unnetted 선금 ${balance}`,
    {
      rule: '반납 ≤ 선금 잔액 (paid by the bank − netted − returned)',
      amount: entry.amount,
      balance,
    },
  );
}
