import type { ControlledItem, DocKind } from '#shared/domain/execution/items.ts';
import { docTarget, lineTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** A broken posting rule: 422 with the rule (its code) and the numbers in `context`. */
export const broken = (code: ProblemCode, detail: string, context: Record<string, unknown> = {}): Refusal =>
  refusal('unprocessable', code, detail, { rule: code, ...context });

/** The budget line a posting lands on: it has a final budget in the year and is of the expected kind. */
export function lineOf(
  message: PostingMessage,
  state: WorkingState,
  lineId: string,
  kind: 'expenditure' | 'revenue',
): ControlledItem | Refusal {
  const { gov, year } = message;
  const line = state.item(lineTarget(gov, year, lineId));
  if (!line) return broken('unknown-line', `budget line ${lineId} has no final budget in ${year}`, { lineId, year });
  if (line.attrs.lineKind !== kind) {
    return broken('wrong-line-kind', `budget line ${lineId} is a ${line.attrs.lineKind} line`, { lineId, expected: kind });
  }
  return line;
}

/**
 * The applied document a posting refers to, of the kind it must be and of the posting's fiscal
 * year (지방회계법 제6조: each fiscal year's revenue and expenditure are its own).
 */
export function documentOf(message: PostingMessage, state: WorkingState, docId: string, kind: DocKind): ControlledItem | Refusal {
  const { gov, year } = message;
  const doc = state.item(docTarget(gov, docId));
  if (!doc || doc.kind !== kind)
    return broken(`unknown-${kind}`, `no applied ${kind} ${docId} in government ${gov}`, { [`${kind}Id`]: docId });
  if (doc.attrs.year !== year) {
    return broken('wrong-year', `${kind} ${docId} belongs to fiscal year ${doc.attrs.year}`, { year, documentYear: doc.attrs.year });
  }
  return doc;
}
