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
  // expenditure counters: committed ≤ allotted (지출원인행위 within the 배정된 예산, 지방회계법 §29;
  // 배정 under the 예산배정계획, 지방재정법 시행령 §56①); resolved ≤ committed; ordered ≤ resolved;
  // paid ≤ ordered (the order of 지출원인행위 → 지출결의 → 지급명령 → 지급, practice)
  readonly committed: number;
  readonly resolved: number;
  readonly ordered: number;
  readonly paid: number;
}
