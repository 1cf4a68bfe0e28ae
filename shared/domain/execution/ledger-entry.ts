import type { Applied } from '#shared/domain/execution/rules/rule.ts';
import type { PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';

/**
 * One line of the document ledger (지출부 for expenditure lines, 수입부 for revenue lines): an applied
 * posting as officials page it by line, by department, by counterparty or by period. Source: practice
 * (the 지출부/수입부 of e호조 list every 원인행위, 지출결의, 지급명령, 지급, 징수결정, 수납 and 환급 of a
 * 과목 in date order); 지방회계법 §16② (the 결산 follows the budget's structure) for the line as the unit.
 *
 * `party` never carries personal data: a counterparty that is a valid 사업자등록번호 is kept as its ten
 * digits (a registered business number is public); anything else (a person's name, a resident
 * number) only as the keyed pseudonym the application computes (`Protect`). A correction carries the
 * kind it reverses, so a page's totals net it against that kind.
 */
export interface LedgerEntry {
  readonly gov: string;
  readonly year: number;
  readonly book: 'expenditure' | 'revenue';
  readonly postingId: string;
  readonly kind: PostingKind;
  readonly date: string;
  readonly amount: number;
  readonly lineId: string;
  readonly dept: string;
  readonly party?: string;
  readonly reverses?: string;
  readonly reversedKind?: PostingKind;
}

/** The pseudonym of a counterparty text within a government (keyed by the deployment's secret). */
export type Protect = (gov: string, counterparty: string) => string;

/** The counterparty a posting names itself (commitment, assessment); the others inherit it from their document. */
export function namedCounterparty(message: Pick<PostingMessage, 'command'>): string | undefined {
  const { command } = message;
  if (command.kind === 'commit') return command.counterparty;
  if (command.kind === 'assess') return command.payer;
  return undefined;
}

/**
 * The ledger line of an applied posting. Its counterparty: the one it names, protected; else the
 * `party` of the first existing document it moves (a resolution's commitment, a payment's order, a
 * correction's original document), which carries it from the posting that created the chain.
 */
export function ledgerEntryOf(message: PostingMessage, decision: Applied, state: WorkingState, protect: Protect | undefined): LedgerEntry {
  const named = namedCounterparty(message);
  const party = named !== undefined && protect ? protect(message.gov, named) : inheritedParty(decision.effects, state);
  const line = state.item({ type: 'line', gov: message.gov, year: message.year, lineId: decision.lineId });
  const reversedKind = decision.reverses ? state.storedResult(message.gov, decision.reverses)?.kind : undefined;
  return ledgerEntry(
    { gov: message.gov, year: message.year, postingId: message.postingId, kind: message.command.kind, date: message.command.date },
    { amount: decision.amount, lineId: decision.lineId, reverses: decision.reverses },
    { lineKind: line?.attrs.lineKind, dept: line?.attrs.dept },
    party,
    reversedKind,
  );
}

/**
 * A ledger line from what an applied posting recorded: the posting (id, kind, date), its decision
 * (amount, line, what it reverses), its line's kind and department, its counterparty and the kind it
 * reverses. The consumer builds it while applying; the backfill (ledger-backfill.ts) from the stored
 * RESULT, REQUEST, DOC and line items of a posting applied before the ledger existed.
 */
export function ledgerEntry(
  posting: { readonly gov: string; readonly year: number; readonly postingId: string; readonly kind: PostingKind; readonly date: string },
  decision: { readonly amount: number; readonly lineId: string; readonly reverses?: string | undefined },
  line: { readonly lineKind?: unknown; readonly dept?: unknown },
  party: string | undefined,
  reversedKind: PostingKind | undefined,
): LedgerEntry {
  return {
    ...posting,
    book: line.lineKind === 'revenue' ? 'revenue' : 'expenditure',
    amount: decision.amount,
    lineId: decision.lineId,
    dept: String(line.dept ?? ''),
    ...(party ? { party } : {}),
    ...(decision.reverses ? { reverses: decision.reverses } : {}),
    ...(reversedKind ? { reversedKind } : {}),
  };
}

function inheritedParty(effects: readonly Effect[], state: WorkingState): string | undefined {
  for (const effect of effects) {
    if (effect.target.type !== 'doc' || effect.create) continue;
    const party = state.item(effect.target)?.attrs.party;
    if (typeof party === 'string' && party !== '') return party;
  }
  return undefined;
}

/** A document the posting creates carries its counterparty, so the postings made on it later find it. */
export const withParty = (effects: readonly Effect[], party: string | undefined): readonly Effect[] =>
  party
    ? effects.map((effect) => (effect.create && effect.target.type === 'doc' ? { ...effect, create: { ...effect.create, party } } : effect))
    : effects;
