import type { CarryOverKind } from '#shared/domain/settlement/carry-over.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A carried budget (이월예산): what a line carries into the next year is a budget line of its own
 * there, never added onto the next year's line of the same code (execution rules §1.9). Its amount
 * is deemed allotted (지방재정법 제50조④: 이월하는 과목별 금액은 이월 예산으로 배정된 것으로 본다); it
 * names its kind, its origin year and its origin line, and a 사고이월 holds the commitments it carries.
 *
 * Its id is the origin line's id with `.C{year}{E|A|K}` (명시 · 사고 · 계속비), so the two never meet and
 * a carried line of a carried line stays readable (E.GEN.P01.U01.D001.201-01.C2026E.C2027A).
 */
const kindLetters: Readonly<Record<CarryOverKind, string>> = { explicit: 'E', accident: 'A', continuing: 'K' };

export const carriedLineId = (originLineId: string, originYear: number, kind: CarryOverKind): string =>
  `${originLineId}.C${originYear}${kindLetters[kind]}`;

/** What a carried line records of where it came from (on its control item). */
export interface CarriedFrom {
  readonly carryKind: CarryOverKind;
  readonly originYear: number;
  readonly originLineId: string;
}

/**
 * Whether a carried budget may be carried on again, and as what. 지방재정법 제50조 says nothing of a
 * second carry-over but for 계속비 (제50조③: 사업완성 연도까지 차례로 이월); the rest follows the
 * recommended practice of the project notes (execution rules §1.9; 국가재정법 제48조 has no counterpart
 * in the 지방재정법 text read) [U]:
 *   - 사고이월 → nothing: what a 사고이월 carried is spent in the year it was carried into or lapses;
 *   - 명시이월 → 사고이월 once (a commitment made on it and not paid), never 명시이월 again;
 *   - 계속비이월 → 계속비이월 year by year to completion (checked against the 계속비 by its origin line),
 *     or 사고이월.
 */
export function carriedAgainRefusal(from: CarriedFrom, kind: CarryOverKind, lineId: string): Refusal | undefined {
  const allowed: Readonly<Record<CarryOverKind, readonly CarryOverKind[]>> = {
    accident: [],
    explicit: ['accident'],
    continuing: ['continuing', 'accident'],
  };
  if (allowed[from.carryKind].includes(kind)) return undefined;
  return refusal(
    'unprocessable',
    'carried-budget-not-carried-again',
    `line ${lineId} is a ${from.carryKind} carry-over of ${from.originYear}'s ${from.originLineId}: it cannot be carried on as ${kind}`,
    {
      rule: '지방재정법 제50조③ (계속비 year by year); practice [U] otherwise: 사고이월 never again, 명시이월 → 사고이월 once',
      lineId,
      carriedKind: from.carryKind,
      requestedKind: kind,
      allowed: allowed[from.carryKind],
    },
  );
}
