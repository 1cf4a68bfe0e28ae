import { evaluate } from '#shared/domain/execution/evaluate.ts';
import type { ControlledItem, DocKind, Target } from '#shared/domain/execution/items.ts';
import { cashTarget, docTarget, lineTarget, targetKey } from '#shared/domain/execution/items.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Snapshot, StoredResult } from '#shared/domain/execution/snapshot.ts';
import { needKey } from '#shared/domain/execution/snapshot.ts';
import { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { JournalLine } from '#shared/domain/ledger/journal.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { problemAnswer } from '#shared/http/problem.ts';

/** Fixtures for judging one posting with `evaluate`: the books as given, everything else read and absent. */
export const GOV = '11000';
export const YEAR = 2026;
export const FUND = 'general';
export const POSTING_ID = 'p-under-test';

const lineCounters = { allotted: 0, committed: 0, resolved: 0, ordered: 0, paid: 0, assessed: 0, received: 0, refunded: 0 };

/** An expenditure line (통계목 201-01 of 행정운영경비 → 5202 경비(관리운영비) / 2101 미지급금, journal-map.csv). */
export const expenditureLine = (counters: Partial<typeof lineCounters>, attrs: Record<string, string> = {}): ControlledItem => ({
  target: lineTarget(GOV, YEAR, 'E1'),
  kind: 'line',
  attrs: { lineId: 'E1', lineKind: 'expenditure', fund: FUND, itemCode: '201-01', structureType: '행정운영경비', ...attrs },
  counters: { ...lineCounters, ...counters },
});

/** A revenue line (세외수입 2, sub-code 2-1 경상적세외수입 → 1105 미수세외수입금 / 4202 경상세외수익). */
export const revenueLine = (counters: Partial<typeof lineCounters>, attrs: Record<string, string> = {}): ControlledItem => ({
  target: lineTarget(GOV, YEAR, 'R1'),
  kind: 'line',
  attrs: { lineId: 'R1', lineKind: 'revenue', fund: FUND, itemCode: '2', journalCode: '2-1', ...attrs },
  counters: { ...lineCounters, ...counters },
});

export const cashAllocation = (month: string, counters: { allocated: number; paid?: number; claimed?: number }): ControlledItem => ({
  target: cashTarget(GOV, YEAR, FUND, month),
  kind: 'cash',
  attrs: { fund: FUND, month },
  counters: { paid: 0, ...counters },
});

export const documentItem = (
  kind: DocKind,
  docId: string,
  attrs: Record<string, string | number>,
  counters: Record<string, number>,
): ControlledItem => ({ target: docTarget(GOV, docId), kind, attrs: { year: YEAR, fund: FUND, ...attrs }, counters });

export const posting = (command: PostingCommand, sub = 'fo-kim', lineId = 'E1'): PostingMessage => ({
  postingId: POSTING_ID,
  gov: GOV,
  year: YEAR,
  lineId,
  command,
  actor: { sub, role: 'finance_officer', requestId: 'r', sourceIp: '127.0.0.1', bodySha256: '', receivedAt: '2026-11-30T03:00:00.000Z' },
});

/** A map that answers "read and absent" for every key it was not given. */
class ReadAll<V> extends Map<string, V> {
  readonly #absent: V;
  constructor(entries: [string, V][], absent: V) {
    super(entries);
    this.#absent = absent;
  }
  override get(key: string): V {
    return super.has(key) ? (super.get(key) as V) : this.#absent;
  }
}

export interface Books {
  readonly items?: readonly ControlledItem[];
  readonly results?: readonly StoredResult[];
  readonly reversed?: readonly string[];
  readonly closed?: readonly string[];
}

/** What a rule decided, as the tests compare it: counter deltas by item, journal lines, or the problem body. */
export type Judged =
  | { readonly applied: { readonly amount: number; readonly deltas: Record<string, unknown>; readonly journal: readonly JournalLine[] } }
  | { readonly problem: Record<string, unknown> };

/**
 * Names an item in the expected deltas: `line`, `cash` (March, the month the fixtures post in;
 * another month as `cash {month}`), `created` (the posting's own document) or the document id.
 */
const label = (target: Target): string => {
  if (target.type === 'doc') return target.docId === POSTING_ID ? 'created' : target.docId;
  if (target.type === 'cash' && target.month !== '2026-03') return `cash ${target.month}`;
  return target.type;
};

/** The consumer's decision on `message` against `books` (evaluate.ts), as the batch planner receives it. */
export function decide(message: PostingMessage, books: Books) {
  const snapshot: Snapshot = {
    items: new ReadAll<ControlledItem | null>(
      (books.items ?? []).map((item) => [targetKey(item.target), item]),
      null,
    ),
    results: new ReadAll<StoredResult | null>(
      (books.results ?? []).map((result) => [needKey({ type: 'result', gov: result.gov, postingId: result.postingId }), result]),
      null,
    ),
    markers: new ReadAll<boolean>(
      [
        ...(books.reversed ?? []).map((id): [string, boolean] => [needKey({ type: 'reversal', gov: GOV, postingId: id }), true]),
        ...(books.closed ?? []).map((period): [string, boolean] => [needKey({ type: 'closed', gov: GOV, year: YEAR, period }), true]),
      ],
      false,
    ),
  };
  return evaluate(message, new WorkingState(snapshot));
}

export function judge(message: PostingMessage, books: Books): Judged & { readonly reverses?: string; readonly date?: string } {
  const decision = decide(message, books);
  if (decision.status === 'rejected') return { problem: problemAnswer(new Refused(decision.refusal), undefined).body };
  const deltas = Object.fromEntries(decision.effects.map((effect) => [label(effect.target), effect.deltas]));
  return {
    applied: { amount: decision.amount, deltas, journal: decision.journal.lines },
    date: decision.journal.date,
    ...(decision.reverses ? { reverses: decision.reverses } : {}),
  };
}

/** Journal lines as written in the tables: Dr/Cr account amount. */
export const dr = (account: string, amount: number): JournalLine => ({ account, debit: amount, credit: 0 });
export const cr = (account: string, amount: number): JournalLine => ({ account, debit: 0, credit: amount });
