import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * What the council changed while the version was before it (submitted), line by line: the amount
 * the head submitted and the amount the council left (null when the council removed the line; a
 * submitted amount of null is a line the council added). Recorded by every council line edit on
 * the version item, so `resolve` and later the 전용/예비비 rules know what the council cut.
 */
export interface Amendment {
  readonly kind: BudgetLine['kind'];
  readonly submitted: number | null;
  readonly amended: number | null;
}
export type Amendments = Readonly<Record<string, Amendment>>;

/** The amendments after a council edit: the first submitted amount is kept, the last amended amount wins. */
export function recordAmendments(
  amendments: Amendments,
  changes: readonly { readonly lineId: string; readonly before?: BudgetLine | undefined; readonly after?: BudgetLine | undefined }[],
): Amendments {
  const next: Record<string, Amendment> = { ...amendments };
  for (const { lineId, before, after } of changes) {
    const kind = (after ?? before)?.kind ?? 'expenditure';
    const submitted = lineId in next ? (next[lineId] as Amendment).submitted : (before?.amount ?? null);
    next[lineId] = { kind, submitted, amended: after?.amount ?? null };
  }
  return next;
}

/** The council may not raise a 세출 line or add a new one without the head's consent (지방자치법 §142③). */
export const raisedLines = (amendments: Amendments): string[] =>
  Object.entries(amendments)
    .filter(([, a]) => a.kind === 'expenditure' && a.amended !== null && (a.submitted === null ? a.amended > 0 : a.amended > a.submitted))
    .map(([lineId]) => lineId);

/** Lines the council reduced or abolished. */
export const cutLines = (amendments: Amendments): { lineId: string; submitted: number; amended: number | null }[] =>
  Object.entries(amendments).flatMap(([lineId, a]) =>
    a.submitted !== null && (a.amended === null || a.amended < a.submitted) ? [{ lineId, submitted: a.submitted, amended: a.amended }] : [],
  );

export const raiseWithoutConsent = (lineIds: readonly string[]): Refusal =>
  refusal(
    'unprocessable',
    'council-increase-without-consent',
    `the council raised or added ${lineIds.length} 세출 line(s) (first: ${lineIds[0]}); resolving needs the head's consent (headConsent)`,
    {
      rule: 'the council may cut, not raise a 세출 line or add a 비목, without the head’s consent',
      basis: '지방자치법 §142③',
      lineIds: lineIds.slice(0, 100),
    },
  );
