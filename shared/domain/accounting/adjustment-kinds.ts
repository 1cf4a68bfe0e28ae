/**
 * The kinds of 결산정리분개 (year-end adjusting entries) the API accepts; what each books is in
 * year-end-adjustments.ts, which cites the 「지방자치단체 회계기준에 관한 규칙」 articles. Kept apart
 * from those rules so that the accounting schemas, and so every handler bundle that imports the
 * route table (the API docs, OpenAPI), do not carry the chart of accounts (issue #21: bundle size).
 */
export const adjustmentKinds = ['construction-completion', 'depreciation', 'allowance', 'discount-amortisation', 'acquisitions'] as const;
export type AdjustmentKind = (typeof adjustmentKinds)[number];
