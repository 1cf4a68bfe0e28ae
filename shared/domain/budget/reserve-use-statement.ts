import { diversionRows } from '#shared/domain/budget/diversion-statement.ts';
import type { DiversionRecord, DiversionRow } from '#shared/domain/budget/diversion-statement.ts';

/** What the 예비비 사용명세서 reads of a recorded 예비비 사용결정 (or of its reversal). */
export interface ReserveUseRecord extends DiversionRecord {
  /** 긴급재난대책: a 예비비 used for a 보조금 in an emergency. */
  readonly reserve?: { readonly emergency: boolean } | undefined;
}

/** One row: a 사용결정 with the target line's year as the 결산 closes it. */
export interface ReserveUseRow extends DiversionRow {
  readonly emergency: boolean;
  /** The target line's 예산현액 and 지출액 at the closing (one line may take several decisions). */
  readonly targetBudget: number;
  readonly targetPaid: number;
}

/**
 * The 예비비 사용명세서 submitted with the 결산: "지방자치단체의 장은 예비비로 사용한 금액의 명세서를
 * 「지방자치법」 제150조제1항에 따라 지방의회의 승인을 받아야 한다" (지방재정법 §43④, read in
 * legalize-kr). Every 사용결정 by decision date with its 회계, 정책사업, the 예비비 line it drew on, the
 * 세출 line it went to, amount and reason, and what that line has spent; a reversal is a row of its
 * own with the negative amount, so the amounts sum to the 예비비 used (as the 예산전용조서 does).
 */
export function reserveUseRows(
  records: readonly ReserveUseRecord[],
  targets: ReadonlyMap<string, { readonly budget: number; readonly paid: number }>,
): ReserveUseRow[] {
  const emergency = new Map(records.map((r) => [r.changeId, r.reserve?.emergency ?? false]));
  return diversionRows(records).map((row) => ({
    ...row,
    emergency: emergency.get(row.changeId) ?? false,
    targetBudget: targets.get(row.to)?.budget ?? 0,
    targetPaid: targets.get(row.to)?.paid ?? 0,
  }));
}
