import type { ControlledItem, DocKind } from '#shared/domain/execution/items.ts';
import { docTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Applied } from '#shared/domain/execution/rules/rule.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import { nonZero } from '#shared/domain/ledger/journal.ts';
import type { CashClass, JournalLine } from '#shared/domain/ledger/journal.ts';

/** The building blocks of a rule's answer: counter changes, the document it creates, the journal entry. Source: practice: the counter effects shared by the posting rules. */
export const lineEffect = (line: ControlledItem, deltas: Record<string, number>, ceilings?: Record<string, number>): Effect => ({
  target: line.target,
  kind: 'line',
  deltas,
  ...(ceilings ? { ceilings } : {}),
});

export const docEffect = (doc: ControlledItem, deltas: Record<string, number>, ceilings?: Record<string, number>): Effect => ({
  target: doc.target,
  kind: doc.kind,
  deltas,
  ...(ceilings ? { ceilings } : {}),
});

/** The document a posting creates, keyed by the posting's id (its counters start at zero). */
export const newDocument = (
  message: PostingMessage,
  kind: DocKind,
  deltas: Record<string, number>,
  attrs: Record<string, string | number>,
): Effect => ({ target: docTarget(message.gov, message.postingId), kind, deltas, create: { year: message.year, ...attrs } });

/** The 지출원인행위 a posting creates on `line`, with who made it and what else the rule records. */
export const newCommitment = (
  message: PostingMessage,
  line: ControlledItem,
  amount: number,
  attrs: Record<string, string | number>,
): Effect => newDocument(message, 'commitment', { amount }, { ...linkOf(line), createdBy: message.actor.sub, ...attrs });

/** The line and fund a document belongs to. */
export const linkOf = (line: ControlledItem): Record<string, string> => ({
  lineId: String(line.attrs.lineId),
  fund: String(line.attrs.fund),
});

/**
 * A posting applied on `line`, dated `date`, with its effects and (zero lines dropped) journal lines;
 * `cash` classifies the cash they move for the 현금흐름표 (rules/journal.ts).
 */
export function applied(
  line: ControlledItem,
  date: string,
  amount: number,
  effects: Effect[],
  lines: JournalLine[],
  cash?: CashClass,
): Applied {
  const fund = String(line.attrs.fund);
  const kept = nonZero(lines);
  const journal = cash && kept.length > 0 ? { fund, date, lines: kept, cash } : { fund, date, lines: kept };
  return { status: 'applied', lineId: String(line.attrs.lineId), fund, amount, effects, journal };
}
