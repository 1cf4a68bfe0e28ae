/**
 * The components of a line's 예산현액 as its control item carries them (issue #14): the line status
 * reads them live, the 세입세출결산 reads them at the closing. Each is optional: an item written
 * before the components existed has none, and each absent one counts as 0.
 *
 *   예산현액 = 예산액 + 전년도이월액 + 이용 + 전용 + 이체 + 예비비 + 성립전
 *
 * Sources: 이용·이체 지방재정법 §47의2①②, 전용 §49, 예비비 사용 §43 (재정령 §56③), 성립전예산 §45,
 * 전년도이월 §50; 과목경정 moves what was executed, not 예산현액 (practice).
 */
export interface BudgetComponents {
  /** 예산현액 (the line's `budget`). */
  readonly budget: number;
  /** 예산액 of the last final version; when absent, budget − carryIn − changesNet. */
  readonly enacted?: number | undefined;
  /** 전년도이월액: the part of `budget` carried in from last year's closing. */
  readonly carryIn?: number | undefined;
  /** 이용, 전용, 이체, 예비비 사용, 성립전예산: + in, − out. */
  readonly transferNet?: number | undefined;
  readonly diversionNet?: number | undefined;
  readonly reallocationNet?: number | undefined;
  readonly reserveNet?: number | undefined;
  readonly preEstablished?: number | undefined;
  /** The sum of the five above (what a new version keeps on top of its amount). */
  readonly changesNet?: number | undefined;
  /** 과목경정: executed amounts moved onto (+) or off (−) the line; inside the counters, not part of 예산현액. */
  readonly recodedNet?: number | undefined;
}

const big = (value: number | undefined): bigint => BigInt(value ?? 0);

/**
 * 예산현액 split into its statutory parts, exact. By construction
 * 예산액 + 전년도이월액 + 이용 + 전용 + 이체 + 예비비 + 성립전 = 예산현액.
 */
export function budgetComponents(line: BudgetComponents) {
  const carryIn = big(line.carryIn);
  return {
    enacted: line.enacted === undefined ? BigInt(line.budget) - carryIn - big(line.changesNet) : BigInt(line.enacted),
    carryIn,
    transfer: big(line.transferNet),
    diversion: big(line.diversionNet),
    reallocation: big(line.reallocationNet),
    reserve: big(line.reserveNet),
    preEstablished: big(line.preEstablished),
  };
}
