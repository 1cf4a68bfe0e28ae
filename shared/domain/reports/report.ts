/**
 * A closing report as tables, the one shape every output format (JSON, CSV, XLSX) is rendered
 * from. Amount cells are bigint won; `totals` are the figures reconciliation compares with the
 * live counters and journal.
 * Source: practice (the archived report set); the statements follow 「지방자치단체 회계기준에 관한 규칙」 제8조.
 */
export const reportIds = [
  'daily-summary',
  'trial-balance',
  'budget-settlement',
  'financial-statements',
  'supplementary-information',
  'budget-reconciliation',
] as const;
export type ReportId = (typeof reportIds)[number];

export const reportTitles: Readonly<Record<ReportId, string>> = {
  'daily-summary': '일계표',
  'trial-balance': '합계잔액시산표',
  'budget-settlement': '세입세출결산',
  'financial-statements': '재무제표',
  'supplementary-information': '필수보충정보',
  'budget-reconciliation': '예산-재무 대사',
};

export interface ReportColumn {
  readonly key: string;
  /** Korean header shown in CSV and XLSX. */
  readonly label: string;
  readonly type: 'text' | 'won';
}

export type Cell = string | bigint;
export type ReportRow = Readonly<Record<string, Cell>>;

export interface ReportTable {
  /** ASCII id: CSV file name and JSON key. */
  readonly id: string;
  /** Korean title: XLSX sheet name (≤ 31 characters). */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /**
   * Names of the codes in a text column (column key → code → name), printed in a column of
   * their own beside the code ("회계" GEN → "회계명" 일반회계) so a reader needs no code table.
   */
  readonly names?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Subtotal and total rows the printed forms (CSV, XLSX) add; see `layout.ts`. */
  readonly summary?: TableSummary;
}

/**
 * Totals a printed table carries: the sum of every amount column, with the label in
 * `labelColumn`; with `groupBy`, a 소계 row after each run of rows with the same value in that
 * column (the builder sorts by it). Source: practice (결산서 forms total each 회계 and the whole).
 */
export interface TableSummary {
  readonly labelColumn: string;
  readonly groupBy?: string;
}

export interface Report {
  readonly report: ReportId;
  readonly title: string;
  readonly gov: string;
  readonly year: number;
  readonly period: string;
  readonly tables: readonly ReportTable[];
  /** Named figures (won) the reconciliation recomputes from live data. */
  readonly totals: Readonly<Record<string, bigint>>;
}

export const text = (key: string, label: string): ReportColumn => ({ key, label, type: 'text' });
export const amount = (key: string, label: string): ReportColumn => ({ key, label, type: 'won' });
