import type { ControlledItem, ItemKind, Target } from '#shared/domain/execution/items.ts';
import { targetKey } from '#shared/domain/execution/items.ts';
import type { Deltas } from '#shared/domain/execution/counters.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { PostingKind } from '#shared/domain/execution/posting.ts';
import type { LedgerEntry } from '#shared/domain/execution/ledger-entry.ts';

/** A change a posting makes to one item; `create` makes a new document (its counters start at zero). Source: practice: the state a batch is judged against. */
export interface Effect {
  readonly target: Target;
  readonly kind: ItemKind;
  readonly deltas: Deltas;
  readonly create?: Readonly<Record<string, string | number>>;
  /**
   * Bounds the rule judged that are not an invariant of the item kind (a cap that depends on the
   * posting, such as the 과년도 지출 cap that a 보충적 경비 escapes): each counter named, once this
   * effect is added, stays ≤ the value. The batch write turns them into its condition, so two
   * postings judged apart on the same state cannot both pass (counters.ts `ceilingConditions`).
   */
  readonly ceilings?: Readonly<Record<string, number>>;
}

/** What is stored of a posting once the consumer has decided it (the posting record). */
export interface StoredResult {
  readonly postingId: string;
  readonly gov: string;
  readonly year: number;
  readonly kind: PostingKind;
  readonly status: 'applied' | 'rejected';
  readonly amount: number;
  readonly effects: readonly Effect[];
  readonly journal: JournalEntry | undefined;
  readonly reverses: string | undefined;
  /** Its document-ledger line, when the result carries it (applied since the ledger left the transaction). */
  readonly ledger?: LedgerEntry | undefined;
}

/** A piece of stored state the rules need. */
export type Need =
  | { readonly type: 'item'; readonly target: Target }
  | { readonly type: 'result'; readonly gov: string; readonly postingId: string }
  | { readonly type: 'reversal'; readonly gov: string; readonly postingId: string }
  | { readonly type: 'closed'; readonly gov: string; readonly year: number; readonly period: string };

export function needKey(need: Need): string {
  switch (need.type) {
    case 'item':
      return targetKey(need.target);
    case 'result':
      return `RESULT|${need.gov}|${need.postingId}`;
    case 'reversal':
      return `REVERSAL|${need.gov}|${need.postingId}`;
    case 'closed':
      return `CLOSED|${need.gov}|${need.year}|${need.period}`;
  }
}

/**
 * The stored state a batch is planned against, keyed by needKey. `null` means read and absent;
 * a key missing from the map was not read yet.
 */
export interface Snapshot {
  readonly items: ReadonlyMap<string, ControlledItem | null>;
  readonly results: ReadonlyMap<string, StoredResult | null>;
  /** Reversal markers and closed-period markers: present or not. */
  readonly markers: ReadonlyMap<string, boolean>;
}

export const emptySnapshot = (): Snapshot => ({ items: new Map(), results: new Map(), markers: new Map() });

/** The periods whose closing forbids a posting dated `date` (see posting-keys.ts for the markers). */
export const closingPeriods = (date: string): string[] => ['YEAR', `MONTH#${date.slice(0, 7)}`, `DAY#${date}`];
