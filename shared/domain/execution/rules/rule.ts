import type { Effect } from '#shared/domain/execution/snapshot.ts';
import type { PostingCommand, PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** What an applied posting does: the counters it moves (effects) and its journal lines. Source: practice: the shape every posting rule has. */
export interface Applied {
  readonly status: 'applied';
  readonly lineId: string;
  readonly fund: string;
  readonly amount: number;
  readonly effects: readonly Effect[];
  readonly journal: JournalEntry;
  readonly reverses?: string;
}

export type CommandOf<K extends PostingKind> = Extract<PostingCommand, { readonly kind: K }>;

/**
 * The rule of one posting kind: judged on the working state, it returns the effects and journal
 * lines of the posting, or the refusal of the rule it breaks. The counter invariants (items.ts)
 * are checked on the effects afterwards by `evaluate`, for every kind alike.
 */
export type PostingRule<K extends PostingKind> = (message: PostingMessage, command: CommandOf<K>, state: WorkingState) => Applied | Refusal;

/** Tells a refusal from what a rule or a lookup returns when it succeeds (neither has a `code`). */
export const isRefusal = (value: object): value is Refusal => 'code' in value;
