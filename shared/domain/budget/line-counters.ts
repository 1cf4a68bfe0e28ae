/**
 * The execution counters a line's control item carries: 배정, 지출원인행위, 지출결의, 지급명령 and
 * 지급 on 세출 lines; 징수결정, 수납 and 환급 on 세입 lines. A new line starts with each at 0 and only
 * postings move them (line-status.ts reads them as the 집행현황). Source: practice (the 집행현황 columns).
 */
export const lineCounters = ['allotted', 'committed', 'resolved', 'ordered', 'paid', 'assessed', 'received', 'refunded'] as const;
export type LineCounter = (typeof lineCounters)[number];

/** A new line's counters, each 0. */
export const zeroCounters = Object.fromEntries(lineCounters.map((name) => [name, 0])) as Readonly<Record<LineCounter, number>>;
