import type { Contract, ContractType, JointContract } from '#shared/domain/contract/contract.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * What a contract must satisfy to enter the register (and again after each change):
 * - the period runs forward (지방계약법 §14① 이행기간);
 * - 장기계속 차수 and 계속비 연부액 add up to the contract amount, one 차수 number once, each year once
 *   (지방계약법 §24; 지방재정법 §42 계속비);
 * - 공동계약 members' shares add up to 100% (지방계약법 §29; practice: 공동수급협정서 지분율);
 * - the 하자보수보증금 rate is 2%–10% of the contract amount, or 0 where it is waived (지방계약법 시행령
 *   제71조제1항 본문 "계약금액의 100분의 2 이상 100분의 10 이하", 단서 and 제4항 for the waiver; read).
 */
export function contractTermsRefusal(
  contract: Pick<Contract, 'amount' | 'period' | 'type' | 'joint'> & { readonly guarantees?: Pick<Contract['guarantees'], 'defect'> },
): Refusal | undefined {
  if (contract.period.end < contract.period.start) {
    return refusal('unprocessable', 'invalid-contract-terms', 'the contract period ends before it starts', {
      rule: '이행기간: start ≤ end (지방계약법 §14①)',
      start: contract.period.start,
      end: contract.period.end,
    });
  }
  const schedule = scheduleRefusal(contract.type, contract.amount);
  if (schedule) return schedule;
  const defectRate = defectRateRefusal(contract.guarantees?.defect?.rateBp);
  if (defectRate) return defectRate;
  return contract.joint ? jointRefusal(contract.joint) : undefined;
}

function scheduleRefusal(type: ContractType, amount: number): Refusal | undefined {
  if (type.kind !== 'long-term' && type.kind !== 'continuing') return undefined;
  const entries = type.kind === 'long-term' ? type.rounds : type.years;
  const keys = type.kind === 'long-term' ? type.rounds.map((round) => round.round) : type.years.map((entry) => entry.year);
  const total = entries.reduce((sum, entry) => sum + entry.amount, 0);
  if (new Set(keys).size !== keys.length || total !== amount) {
    return refusal(
      'unprocessable',
      'invalid-contract-terms',
      `the ${type.kind === 'long-term' ? '차수' : '연부액'} amounts must add up to the contract amount, each once`,
      {
        rule: type.kind === 'long-term' ? '장기계속: Σ 차수 = 총계약금액 (지방계약법 §24)' : '계속비: Σ 연부액 = 계약금액 (지방재정법 §42)',
        amount,
        total,
      },
    );
  }
  return undefined;
}

/** 하자보수보증금률 bounds in basis points (지방계약법 시행령 제71조제1항): 0 is the waiver of its 단서 and 제4항. */
export const defectRateBounds = { minBp: 200, maxBp: 1_000 } as const;

function defectRateRefusal(rateBp: number | undefined): Refusal | undefined {
  if (rateBp === undefined || rateBp === 0) return undefined;
  if (rateBp >= defectRateBounds.minBp && rateBp <= defectRateBounds.maxBp) return undefined;
  return refusal(
    'unprocessable',
    'invalid-contract-terms',
    'the 하자보수보증금 rate is 2% to 10% of the contract amount (or 0 when waived)',
    {
      rule: '하자보수보증금: 계약금액의 100분의 2 이상 100분의 10 이하 (지방계약법 시행령 제71조제1항)',
      rateBp,
      ...defectRateBounds,
    },
  );
}

function jointRefusal(joint: JointContract): Refusal | undefined {
  const shares = joint.members.reduce((sum, member) => sum + member.shareBp, 0);
  if (joint.members.length < 2 || shares !== 10_000) {
    return refusal('unprocessable', 'invalid-contract-terms', 'a 공동계약 has two or more members whose shares add up to 100%', {
      rule: '공동계약: ≥ 2 members, Σ 지분율 = 100% (지방계약법 §29)',
      members: joint.members.length,
      sharesBp: shares,
    });
  }
  return undefined;
}

/** Nothing changes on a contract after its 준공 (the 하자 period is all that runs then). */
export function openContractRefusal(contract: Pick<Contract, 'contractId' | 'completion'>): Refusal | undefined {
  if (!contract.completion) return undefined;
  return refusal(
    'conflict',
    'contract-completed',
    `contract ${contract.contractId} was completed (준공) on ${contract.completion.completedOn}`,
    {
      completedOn: contract.completion.completedOn,
    },
  );
}
