/**
 * Keys of the budgeting items (besides the control items of budget-control-keys.ts):
 *
 *   pk GOV#{gov}                         sk ACCOUNT#{code} | DEPT#{code}     회계 and departments
 *   pk PLAN#{gov}#{year}                 sk YEAR                             the year: open/final version, locks, 준예산
 *   pk PLAN#{gov}#{year}                 sk VERSION#{nn}                     one budget version (revision, state, totals)
 *   pk LINES#{gov}#{year}#{nn}#{gen}     sk {lineId}                         the lines of a version's current generation
 *   pk ALLOT#{gov}#{year}                sk {lineId}#{reference}             allotment postings
 *   pk CASHALLOC#{gov}#{year}            sk {fund}#{month}#{reference}       cash allocation postings
 *   pk BUDGETTOTALS#{year}               sk {gov}                            final totals per government (nationwide sum)
 *
 * A version's lines live under a generation id named on the version item: a bulk import or a
 * supplementary copy writes a new generation first and makes it visible with one conditional
 * write on the version item, so a half-written import is never seen.
 */
export const structureKey = (gov: string, kind: 'ACCOUNT' | 'DEPT', code: string) => ({ pk: `GOV#${gov}`, sk: `${kind}#${code}` });
export const structurePrefix = (kind: 'ACCOUNT' | 'DEPT') => `${kind}#`;

export const planPartition = (gov: string, year: number): string => `PLAN#${gov}#${year}`;
export const yearKey = (gov: string, year: number) => ({ pk: planPartition(gov, year), sk: 'YEAR' });
export const versionSortKey = (number: number): string => `VERSION#${String(number).padStart(2, '0')}`;
export const versionKey = (gov: string, year: number, number: number) => ({ pk: planPartition(gov, year), sk: versionSortKey(number) });

export const linesPartition = (gov: string, year: number, number: number, generation: string): string =>
  `LINES#${gov}#${year}#${String(number).padStart(2, '0')}#${generation}`;

export const allotmentPartition = (gov: string, year: number): string => `ALLOT#${gov}#${year}`;
export const allotmentId = (lineId: string, reference: string): string => `A.${lineId}.${reference}`;
/** The line and reference of an allotment id (the reference has no dots; the line id may). */
export function parseAllotmentId(id: string): { lineId: string; reference: string } | undefined {
  const body = id.slice(2);
  const cut = body.lastIndexOf('.');
  if (!id.startsWith('A.') || cut <= 0) return undefined;
  return { lineId: body.slice(0, cut), reference: body.slice(cut + 1) };
}
export const allotmentKey = (gov: string, year: number, lineId: string, reference: string) => ({
  pk: allotmentPartition(gov, year),
  sk: `${lineId}#${reference}`,
});

export const cashAllocationPartition = (gov: string, year: number): string => `CASHALLOC#${gov}#${year}`;
export const cashAllocationId = (fund: string, month: string, reference: string): string => `C.${fund}.${month}.${reference}`;
export function parseCashAllocationId(id: string): { fund: string; month: string; reference: string } | undefined {
  const [prefix, fund, month, reference, ...rest] = id.split('.');
  if (prefix !== 'C' || !fund || !month || !reference || rest.length > 0) return undefined;
  return { fund, month, reference };
}
export const cashAllocationKey = (gov: string, year: number, fund: string, month: string, reference: string) => ({
  pk: cashAllocationPartition(gov, year),
  sk: `${fund}#${month}#${reference}`,
});

export const totalsPartition = (year: number): string => `BUDGETTOTALS#${year}`;
export const totalsKey = (gov: string, year: number) => ({ pk: totalsPartition(year), sk: gov });

/**
 *   pk BUDGETCURRENT#{year}              sk {gov}                            the government's 세출 예산현액 now (the nationwide
 *                                                                            execution rate's denominator: current-budget.ts)
 */
export const currentBudgetPartition = (year: number): string => `BUDGETCURRENT#${year}`;
export const currentBudgetKey = (gov: string, year: number) => ({ pk: currentBudgetPartition(year), sk: gov });

/**
 *   pk CHANGES#{gov}#{year}              sk {kind}#{reference}               budget changes during execution (전용, 이용, 이체,
 *                                                                            예비비 사용, 과목경정, 성립전); a reversal under {kind}#{reference}~R
 */
export const changesPartition = (gov: string, year: number): string => `CHANGES#${gov}#${year}`;
export const changeKey = (gov: string, year: number, kind: string, reference: string) => ({
  pk: changesPartition(gov, year),
  sk: `${kind}#${reference}`,
});
export const changeId = (kind: string, reference: string): string => `${kind}.${reference}`;
export function parseChangeId(id: string): { kind: string; reference: string } | undefined {
  const cut = id.indexOf('.');
  if (cut <= 0) return undefined;
  return { kind: id.slice(0, cut), reference: id.slice(cut + 1) };
}
