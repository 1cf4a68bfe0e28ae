import { programOfLine } from '#shared/domain/budget/line-id.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';

/** The 불용액 of one 정책사업 of one 회계 in a closed year. */
export interface ProgramUnspent {
  readonly fund: string;
  /** `{account}.{정책사업}` of its lines' ids (line-id.ts `programOfLine`). */
  readonly program: string;
  readonly unspent: number;
}

/**
 * The 불용액 of each 정책사업 as the year-end closing fixes it: Σ over its expenditure lines (carried
 * budgets included) of 예산현액 − 지출액 − 다음연도이월액, the 세출결산's 불용액 column (budget-settlement.ts).
 * 지방회계법 제37조 caps a later 과년도 지출 by it: "그 경비가 속한 회계연도의 각 정책사업의 금액 중
 * 불용금액을 초과할 수 없다". A 정책사업 with no 불용액 is kept with 0, so that its 과년도 지출 is refused
 * by the cap, not waiting for a closing that has run.
 */
export function programUnspent(lines: readonly SettlementLine[], carryOvers: readonly CarryOver[]): ProgramUnspent[] {
  const carried = new Map<string, bigint>();
  for (const c of carryOvers) carried.set(c.lineId, (carried.get(c.lineId) ?? 0n) + BigInt(c.amount));
  const totals = new Map<string, { fund: string; program: string; unspent: bigint }>();
  for (const line of lines) {
    if (line.kind !== 'expenditure') continue;
    const program = programOfLine(line.lineId);
    const key = `${line.fund}#${program}`;
    const entry = totals.get(key) ?? { fund: line.fund, program, unspent: 0n };
    entry.unspent += BigInt(line.budget) - BigInt(line.paid) - (carried.get(line.lineId) ?? 0n);
    totals.set(key, entry);
  }
  return [...totals.values()]
    .sort((a, b) => compare(a.fund, b.fund) || compare(a.program, b.program))
    .map(({ fund, program, unspent }) => ({ fund, program, unspent: asCounter(unspent, fund, program) }));
}

/** A counter holds at most 2^53 − 1 won exactly (execution's items.ts MAX_COUNTER); a negative sum is no 불용액. */
function asCounter(value: bigint, fund: string, program: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`the 불용액 of ${fund}/${program} passes 2^53 − 1 won: ${value}`);
  return value < 0n ? 0 : Number(value);
}
