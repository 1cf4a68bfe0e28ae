import type { JournalAttributes } from '#shared/domain/budget/control-sync.ts';
import type { ControlledLine } from '#shared/domain/budget/controlled-line.ts';

/**
 * The control items that budget control runs on: the contract between budgeting (which creates
 * them when a version becomes final, and moves `allotted` and `allocated`) and execution (which
 * moves the execution counters under conditions). Kept in one item collection per government and
 * year, so that a budget book or a closing is one Query and never a Scan.
 *
 *   pk BUDGET#{gov}#{year}   sk LINE#{lineId}            one final budget line and its counters
 *   pk BUDGET#{gov}#{year}   sk CASH#{fund}#{yyyy-mm}     cash allocated to an account for a month
 *   pk BUDGET#{gov}#{year}   sk PENDING#{lineId}          postings accepted on a 성립전 line, not yet decided
 */
export const controlPartition = (gov: string, year: number): string => `BUDGET#${gov}#${year}`;
export const lineControlKey = (gov: string, year: number, lineId: string) => ({ pk: controlPartition(gov, year), sk: `LINE#${lineId}` });
/**
 * The count of postings accepted (202) on a 성립전 line and not yet decided by the consumer, and the
 * mark its reversal leaves: the reversal requires the count 0, an acceptance requires no mark, so a
 * posting accepted on the line is never rejected later because the line was removed meanwhile.
 */
export const pendingPostingsKey = (gov: string, year: number, lineId: string) => ({
  pk: controlPartition(gov, year),
  sk: `PENDING#${lineId}`,
});
export const cashControlKey = (gov: string, year: number, fund: string, month: string) => ({
  pk: controlPartition(gov, year),
  sk: `CASH#${fund}#${month}`,
});
/**
 * A closed year's 정책사업 in one 회계: the 불용액 its year-end closing recorded and what 과년도 지출 took
 * from it (지방회계법 제37조; execution's items.ts `program`). Its own partition, so that no reading of
 * the year's budget lines meets it:  pk PRIORYEAR#{gov}#{year}  sk PROGRAM#{fund}#{정책사업}
 */
export const programControlKey = (gov: string, year: number, fund: string, program: string) => ({
  pk: `PRIORYEAR#${gov}#${year}`,
  sk: `PROGRAM#${fund}#${program}`,
});
/**
 * One 징수관's receivables on one revenue line of a year (execution's items.ts `collector`): its own
 * partition per government and year, so the 세입결산 reads the year's 징수관 × lines in one query and no
 * reading of the budget lines meets them:  pk RECEIVABLES#{gov}#{year}  sk COLLECTOR#{lineId}#{징수관}
 */
export const collectorPartition = (gov: string, year: number): string => `RECEIVABLES#${gov}#${year}`;
export const collectorControlKey = (gov: string, year: number, lineId: string, collector: string) => ({
  pk: collectorPartition(gov, year),
  sk: `COLLECTOR#${lineId}#${collector}`,
});

/** Attributes of a LINE# control item. All amounts are integer won. */
export interface LineControl extends ControlledLine {
  readonly gov: string;
  readonly year: number;
  readonly dept: string;
  /** Line may be spent under a provisional budget (준예산). */
  readonly mandatory: boolean;
  // revenue counters: received ≤ assessed (plus over-payments); refunded ≤ received
  readonly assessed: number;
  readonly received: number;
  readonly refunded: number;
  /** Budget version whose amounts the item carries; null while it comes from a provisional budget. */
  readonly version?: number | null;
  /** Created by the provisional budget (준예산) and not yet replaced by a final version. */
  readonly provisional?: boolean;
  // issue #14: the components of 예산현액 (budget = enacted + carryIn + changesNet), absent = 0.
  // The settlement's 세입세출결산 reads them from here.
  /** 예산액 of the last final version. */
  readonly enacted?: number;
  /** 이월 from last year's closing (written by the control sync). */
  readonly carryIn?: number;
  readonly sector?: string;
  /** 이용 (+ in, − out). */
  readonly transferNet?: number;
  /** 전용 (+ in, − out). */
  readonly diversionNet?: number;
  /** 이체 (+ in, − out). */
  readonly reallocationNet?: number;
  /** 예비비 사용: + on the target line, − on the 예비비 line. */
  readonly reserveNet?: number;
  /** 성립전예산 not yet included in a 추경. */
  readonly preEstablished?: number;
  /** Sum of the five above: what a new final version keeps on top of its amount. */
  readonly changesNet?: number;
  /** Paid amounts moved by 과목경정 (+ onto the right line, − off the wrong one); not part of 예산현액. */
  readonly recodedNet?: number;
  /** What the journal map needs of the line (control-sync.ts `journal`): the 과목경정 journal reads it. */
  readonly journal?: Partial<JournalAttributes>;
}

/** Attributes of a CASH# control item: paid ≤ allocated. */
export interface CashControl {
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly month: string;
  readonly allocated: number;
  readonly paid: number;
}
