import { auditPeriod, isPeriodFault } from '#shared/audit/audit-period.ts';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { appliedPostingId, backfillMonths } from '#shared/domain/execution/ledger-backfill.ts';
import { ledgerEntry, namedCounterparty } from '#shared/domain/execution/ledger-entry.ts';
import type { LedgerEntry } from '#shared/domain/execution/ledger-entry.ts';
import type { PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { counterpartyId } from '#shared/application/execution/counterparty-id.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { getItems, keyOf, putBackfillProgress, readBackfillProgress, takeBackfillLease } from '#shared/stores/execution/ledger-backfill.ts';
import { putLedgerEntries } from '#shared/stores/execution/ledger-index.ts';
import { postingAuditRecords } from '#shared/stores/execution/posting-audit.ts';
import { readAuditRecords } from '#shared/stores/audit/audit-records.ts';
import type { BackfillProgress } from '#shared/stores/execution/ledger-backfill.ts';
import { documentKey, requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';
import { transact } from '#shared/stores/table/transact.ts';
import { now } from '#shared/clock.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

export interface BackfillOptions {
  /** Audit pages to read in this call (a call stays well inside a Lambda's time; call again to go on). */
  readonly pages: number;
  /** Audit records per page. */
  readonly pageSize: number;
}

/**
 * Rebuilds the document ledger's index items (ledger-index.ts) of a government-year for postings
 * applied before the ledger existed, from what each posting recorded: its RESULT (kind, date,
 * amount, line, what it reverses), its REQUEST (the counterparty it names), the documents of its
 * chain (the counterparty they carry, or their creating posting's) and its line's control item (the
 * book and department) — the same ledger line the consumer writes today (ledger-entry.ts).
 *
 * Idempotent: the index items are Puts of fixed content keyed by posting id, so a posting already
 * indexed (by the consumer or an earlier run) is written again unchanged. Resumable: the progress
 * (audit month and last record read) is saved after every page, so a call cut short, or one that
 * stops after `pages`, goes on from there; a finished backfill answers `done` and reads nothing.
 * Each call writes an audit record with its final progress. One call at a time per government-year
 * (practice: two would read the same progress and save over each other): a call takes a lease on
 * the progress item first, or is refused 409 `ledger-backfill-running`; every save is conditional on
 * still holding it, and the last one releases it.
 */
export async function backfillLedger(request: RequestInfo, gov: string, year: number, options: BackfillOptions) {
  const months = backfillMonths(year);
  const holder = request.requestId;
  if (!(await takeBackfillLease(gov, year, holder, now()))) throw running(gov, year);
  let progress = await readBackfillProgress(gov, year);
  let indexedNow = 0;
  for (let page = 0; page < options.pages && !progress.done; page += 1) {
    const month = progress.month ?? (months[0] as string);
    const { records, last } = await pageAuditMonth(gov, month, progress.after, options.pageSize);
    const ids = [...new Set(records.map(appliedPostingId).filter((id): id is string => id !== undefined))];
    const entries = await ledgerEntriesOf(gov, year, ids);
    await putLedgerEntries(entries);
    indexedNow += entries.length;
    const following = months[months.indexOf(month) + 1];
    progress = last
      ? { month, after: last, indexed: progress.indexed + entries.length, done: false }
      : { month: following ?? month, indexed: progress.indexed + entries.length, done: following === undefined };
    if (!(await transact({ progress: putBackfillProgress(gov, year, progress, holder) })).ok) throw running(gov, year);
  }
  const saved = await transact({
    progress: putBackfillProgress(gov, year, progress, holder, true),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'backfillLedger', target: `document-ledger ${gov}/${year}` })),
  });
  if (!saved.ok) throw running(gov, year);
  return { gov, year, ...summary(progress), indexedNow };
}

/** One page of a month's audit trail after a sort key, and the key of its last record while the month has more. */
async function pageAuditMonth(gov: string, month: string, after: string | undefined, limit: number) {
  const period = auditPeriod(`${month}-01`, `${month}-31`, 1);
  if (isPeriodFault(period)) throw new Error(`${month} is not a month of the audit trail`);
  // The trail's index is eventually consistent: a posting applied a moment ago is in the ledger already (the consumer wrote it).
  const page = await readAuditRecords(gov, period, { month, ...(after ? { afterKey: after } : {}) }, limit, {
    indexed: postingAuditRecords,
  });
  return { records: page.items, last: page.next?.afterKey };
}

/** Another call holds the backfill (or took it over after this one's lease ran out). */
const running = (gov: string, year: number) =>
  conflict(
    'ledger-backfill-running',
    `another backfill of the document ledger of ${gov}/${year} is running; call again when it has answered`,
    {
      gov,
      year,
    },
  );

const summary = (progress: BackfillProgress) => ({
  done: progress.done,
  month: progress.done ? null : (progress.month ?? null),
  indexed: progress.indexed,
});

/** The ledger lines of the postings (of this fiscal year, applied) among `ids`. */
async function ledgerEntriesOf(gov: string, year: number, ids: readonly string[]): Promise<LedgerEntry[]> {
  const records = await getItems(ids.flatMap((id) => [resultKey(gov, id), requestKey(gov, id)]));
  const applied = ids
    .map((id) => ({ id, result: records.get(keyOf(resultKey(gov, id))), request: records.get(keyOf(requestKey(gov, id))) }))
    .filter(
      (p): p is { id: string; result: Item; request: Item | undefined } => p.result?.status === 'applied' && Number(p.result.year) === year,
    );
  const lines = await getItems(applied.map((p) => lineControlKey(gov, year, String(p.result.lineId))));
  const reversed = await getItems(applied.filter((p) => p.result.reverses).map((p) => resultKey(gov, String(p.result.reverses))));
  const parties = new Map<string, string | undefined>();
  const entries: LedgerEntry[] = [];
  for (const { id, result, request } of applied) {
    const line = lines.get(keyOf(lineControlKey(gov, year, String(result.lineId))));
    const reverses = result.reverses ? String(result.reverses) : undefined;
    entries.push(
      ledgerEntry(
        { gov, year, postingId: id, kind: result.kind as PostingKind, date: String(result.date) },
        { amount: Number(result.amount ?? 0), lineId: String(result.lineId), reverses },
        { lineKind: line?.kind, dept: line?.dept },
        await partyOf(gov, id, { result, request }, parties),
        reverses ? (reversed.get(keyOf(resultKey(gov, reverses)))?.kind as PostingKind | undefined) : undefined,
      ),
    );
  }
  return entries;
}

/** Documents lead back to the posting that made them; a chain is a handful of postings long. */
const MAX_CHAIN = 8;

/**
 * A posting's counterparty as the consumer finds it (ledger-entry.ts): the one it names, protected;
 * else the `party` of the first document it moves that has one — and where a document was created
 * before documents carried it, the party of the posting that created that document, recursively.
 */
async function partyOf(
  gov: string,
  postingId: string,
  known: { result: Item | undefined; request: Item | undefined } | undefined,
  memo: Map<string, string | undefined>,
  depth = 0,
): Promise<string | undefined> {
  if (memo.has(postingId)) return memo.get(postingId);
  const records = known ?? (await readPosting(gov, postingId));
  const named = records.request ? namedCounterparty(records.request as unknown as Pick<PostingMessage, 'command'>) : undefined;
  let party = named !== undefined ? counterpartyId(gov, named) : undefined;
  const moved = ((records.result?.effects as Effect[] | undefined) ?? []).filter((e) => e.target.type === 'doc' && !e.create);
  for (const effect of named === undefined && depth < MAX_CHAIN ? moved : []) {
    if (effect.target.type !== 'doc') continue;
    const docId = effect.target.docId;
    const doc = (await getItems([documentKey(gov, docId)])).get(keyOf(documentKey(gov, docId)));
    party = typeof doc?.party === 'string' && doc.party !== '' ? doc.party : await partyOf(gov, docId, undefined, memo, depth + 1);
    if (party) break;
  }
  memo.set(postingId, party);
  return party;
}

async function readPosting(gov: string, postingId: string) {
  const items = await getItems([resultKey(gov, postingId), requestKey(gov, postingId)]);
  return { result: items.get(keyOf(resultKey(gov, postingId))), request: items.get(keyOf(requestKey(gov, postingId))) };
}
