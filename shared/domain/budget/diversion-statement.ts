import { expenditureIdParts } from '#shared/domain/budget/line-id.ts';

/** What the 전용 statement reads of a recorded 전용 (or of its reversal). */
export interface DiversionRecord {
  readonly changeId: string;
  readonly reference: string;
  readonly from: string | null;
  readonly to: string;
  readonly amount: number;
  readonly reason: string;
  readonly decisionDate: string;
  readonly quarter: number;
  readonly reverses: string | null;
}

/** One row of the statement: a 전용 with its amount and reason (a reversal is a row of its own, negative). */
export interface DiversionRow {
  readonly decisionDate: string;
  readonly quarter: number;
  readonly changeId: string;
  readonly fund: string;
  readonly policy: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly reason: string;
  /** The 전용 this row takes back, '' for a 전용 itself. */
  readonly reverses: string;
}

/**
 * The 전용 of a year as the 세입·세출결산서 must state them: "전용한 경비의 금액은 세입ㆍ세출결산서에
 * 명시하고, 그 이유를 적어야 한다" (지방재정법 §49④, read in legalize-kr). Every 전용 by decision date
 * with its 회계, 정책사업, source and target 과목, amount and reason; a reversal is listed as its own
 * row with the negative amount and the 전용 it takes back, so the amounts sum to the net moved. The
 * quarterly report to the council (§49③) is the same records by quarter (GET …/changes).
 */
export function diversionRows(records: readonly DiversionRecord[]): DiversionRow[] {
  return [...records]
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate)) // stable: the records' own order within a day
    .map((r) => {
      const parts = expenditureIdParts(r.to);
      return {
        decisionDate: r.decisionDate,
        quarter: r.quarter,
        changeId: r.changeId,
        fund: parts?.account ?? '',
        policy: parts?.policy ?? '',
        from: r.from ?? '',
        to: r.to,
        amount: r.amount,
        reason: r.reason,
        reverses: r.reverses ?? '',
      };
    });
}
