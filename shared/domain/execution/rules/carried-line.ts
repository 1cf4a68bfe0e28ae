import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A carried budget's line (settlement's carry-forward writes `carryKind` on it). A 사고이월 budget is spent only on the commitments it carried (지방재정법 제50조②1: 지출원인행위를 하고
 * … 지출하지 못한 경비): no new commitment on it. 명시이월 and 계속비이월 budgets take new commitments (the
 * work continues).
 */
export function carriedCommitmentRefusal(line: { readonly lineId: string; readonly carryKind?: string | undefined }): Refusal | undefined {
  if (line.carryKind !== 'accident') return undefined;
  return refusal(
    'unprocessable',
    'carried-budget-commitments-only',
    `line ${line.lineId} is a 사고이월 budget: it pays the commitments it carried, and takes no new commitment`,
    { rule: '지방재정법 제50조제2항제1호', lineId: line.lineId, carryKind: line.carryKind },
  );
}
