/**
 * A budget line as budget control sees it: its identity, 예산현액 and expenditure counters. The
 * domain owns this shape; the control item (stores/budget/control-keys.ts `LineControl`) stores it
 * with more attributes, and the budget-change rules read it (budget-change.ts `ChangeLine`).
 */
export interface ControlledLine {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  /** 회계 code (see the budget module's accounts). */
  readonly fund: string;
  /** 편성목/통계목 code for expenditure lines ("201-01"); revenue category code for revenue lines. */
  readonly itemCode: string;
  /** 예산현액 of the last final version (plus carry-ins and changes made during execution). */
  readonly budget: number;
  readonly allotted: number;
  // expenditure counters: committed ≤ allotted; resolved ≤ committed; ordered ≤ resolved; paid ≤ ordered
  readonly committed: number;
  readonly resolved: number;
  readonly ordered: number;
  readonly paid: number;
}
