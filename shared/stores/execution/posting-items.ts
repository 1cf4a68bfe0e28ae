import { auditIndexKey } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import type { ControlledItem, ItemKind, Target } from '#shared/domain/execution/items.ts';
import { countersOf, MAX_COUNTER } from '#shared/domain/execution/items.ts';
import type { Outcome } from '#shared/domain/execution/plan-batch.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { LedgerEntry } from '#shared/domain/execution/ledger-entry.ts';
import type { StoredResult } from '#shared/domain/execution/snapshot.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import { toLedgerLine } from '#shared/stores/execution/ledger-index.ts';
import { failedIndexKey, journalIndexKey, requestKey, resultKey, targetItemKey } from '#shared/stores/execution/posting-keys.ts';

/** Conversions between execution's stored items and the pure model. */
type Item = Record<string, unknown>;

/** `party`: the counterparty's ledger identifier (ledger-entry.ts), carried down the document chain. */
const DOC_ATTRIBUTES = [
  'lineId',
  'fund',
  'year',
  'createdBy',
  'commitmentId',
  'committedBy',
  'resolutionId',
  'assessmentId',
  // the 징수관 who made a 징수결정: its receivables are counted per 징수관 (items.ts `collector`)
  'collector',
  // 과년도 지출 (issue #15): the closed year's commitment a commitment of this year pays.
  'originYear',
  'originCommitmentId',
  // a payment order's 원천징수; a 세입세출외현금 record's book, kind, month and due date
  'withholdings',
  'book',
  'custodyKind',
  'month',
  'dueDate',
  // a 보증금's depositor, contract and the condition for its return or forfeiture (guarantee-deposits.ts)
  'depositor',
  'contractId',
  'condition',
  'party',
  // the month whose cash a payment order claimed until the bank pays it (rules/order-checks.ts)
  'cashMonth',
  // an 일상경비등 advance or 개산급 (its resolution and order): settled later, its 반납 leaves 선급금 (rules/settle.ts)
  'advance',
  // its 회계령 제38조제1항 item or 제45조 case (rules/advance-terms.ts), which the petty-cash and 개산급 records match
  'advanceItem',
];

export function toControlledItem(target: Target, item: Item): ControlledItem {
  const kind: ItemKind = target.type === 'doc' ? (item.kind as ItemKind) : target.type;
  const counters = Object.fromEntries(countersOf[kind].map((name) => [name, storedCounter(kind, name, item[name])]));
  if (target.type === 'line') {
    return {
      target,
      kind,
      attrs: {
        lineId: String(item.lineId),
        lineKind: String(item.kind),
        fund: String(item.fund),
        itemCode: String(item.itemCode),
        // 예산현액: the 과년도 지출 cap (불용액 = 예산현액 − 지출액 − 이월액) reads it.
        budget: Number(item.budget ?? 0),
        dept: String(item.dept ?? ''),
        // A carried budget (이월예산, settlement's carry-forward): its kind limits what it may take.
        ...(item.carryKind === undefined ? {} : { carryKind: String(item.carryKind) }),
        // A 성립전 line not yet included by a 추경: postings accepted on it hold off its reversal.
        ...(Number(item.preEstablished ?? 0) > 0 ? { preEstablished: Number(item.preEstablished) } : {}),
        ...journalAttributes(item),
      },
      counters,
    };
  }
  if (target.type === 'cash') return { target, kind, attrs: { fund: String(item.fund), month: String(item.month) }, counters };
  if (target.type === 'program') return { target, kind, attrs: { fund: target.fund, program: target.program }, counters };
  if (target.type === 'collector')
    return { target, kind, attrs: { lineId: target.lineId, collector: target.collector, fund: String(item.fund) }, counters };
  const attrs = Object.fromEntries(
    DOC_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name] as string | number]),
  );
  return { target, kind, attrs, counters };
}

/** The line's journal attributes (budget control-sync.ts `journal`), flat; `code` becomes `journalCode`. */
function journalAttributes(item: Item): Record<string, string> {
  const journal = (item.journal ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(journal)
      .filter(([, value]) => typeof value === 'string' && value !== '')
      .map(([name, value]) => [name === 'code' ? 'journalCode' : name, value as string]),
  );
}

/**
 * A stored counter, exactly. The SDK hands back a number beyond 2^53 as a bigint; converting it with
 * Number() would round it (a line's 18,014,398,509,481,973 would become …972) and the rules would judge
 * the wrong figure. A counter is never written beyond MAX_COUNTER (items.ts), so one that is was written
 * before the bound existed: no posting on the item can be judged until it is repaired.
 */
function storedCounter(kind: ItemKind, name: string, value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value <= MAX_COUNTER) return value;
  throw new Error(`the stored ${kind} counter ${name} = ${String(value)} is beyond the counter bound ${MAX_COUNTER}: repair the item`);
}

/**
 * An item created by the batch: a document, or a 징수관's receivables on a line at their first 징수결정;
 * every counter of its kind, zero unless the batch moved it.
 */
export function documentItem(item: ControlledItem): Item {
  const counters = Object.fromEntries(countersOf[item.kind].map((name) => [name, item.counters[name] ?? 0]));
  if (item.target.type === 'collector') {
    const { gov, year } = item.target;
    return { ...targetItemKey(item.target), entity: 'collector-receivables', gov, year, ...item.attrs, ...counters };
  }
  if (item.target.type !== 'doc') throw new Error('only documents and 징수관 receivables are created by postings');
  return {
    ...targetItemKey(item.target),
    entity: 'document',
    kind: item.kind,
    gov: item.target.gov,
    docId: item.target.docId,
    ...item.attrs,
    ...counters,
  };
}

/** What accepting a posting was, for its audit record: the operation (`….accepted`) and the 겸직 exceptions used. */
export interface AcceptanceAudit {
  readonly operation: string;
  readonly exceptionUses?: readonly ExceptionUse[] | undefined;
}

/**
 * The REQUEST item, which is also the audit record of the acceptance (issue #21): its actor is who
 * (the subject, the role the posting is made in), when, from where and with what body; with the
 * operation and the exceptions used it is listed in the audit trail through the table's index
 * (auditIndexKey), so no second item is written beside it.
 */
export function requestItem(
  message: PostingMessage,
  extra: { committedBy?: string | undefined; requestHash: string; acceptance: AcceptanceAudit },
): Item {
  const audit = acceptanceRecord(message, extra.acceptance);
  return {
    ...requestKey(message.gov, message.postingId),
    ...auditIndexKey(audit),
    entity: 'posting-request',
    ...message,
    kind: message.command.kind,
    requestHash: extra.requestHash,
    operation: audit.operation,
    ...(audit.exceptionUses ? { exceptionUses: audit.exceptionUses } : {}),
    ...(extra.committedBy ? { committedBy: extra.committedBy } : {}),
  };
}

/** The audit record a stored request stands for (posting-audit.ts reads it back the same way). */
export function acceptanceRecord(message: PostingMessage, acceptance: AcceptanceAudit): AuditRecord {
  return {
    ...postingRecord(message, acceptance.operation),
    ...(acceptance.exceptionUses?.length ? { exceptionUses: acceptance.exceptionUses } : {}),
  };
}

/**
 * The audit record of the consumer's decision on a posting, `posting.{kind}.{applied|rejected}`: the
 * actor who asked for it, carried on the message, at the time it was accepted (so it sorts beside the
 * acceptance). An applied posting's is its RESULT (posting-audit.ts); a rejection's is written as an
 * item (posting-batch-write.ts), because a replay may reopen the rejection and remove its RESULT.
 */
export function decisionRecord(message: PostingMessage, status: 'applied' | 'rejected'): AuditRecord {
  return postingRecord(message, `posting.${message.command.kind}.${status}`);
}

function postingRecord(message: PostingMessage, operation: string): AuditRecord {
  const { actor } = message;
  return {
    gov: message.gov,
    operation,
    target: `posting ${message.postingId}`,
    subject: actor.sub,
    role: actor.role,
    at: actor.receivedAt,
    requestId: actor.requestId,
    sourceIp: actor.sourceIp,
    bodySha256: actor.bodySha256,
  };
}

/**
 * `ledger`: the posting's document-ledger line (applied postings), of which the RESULT keeps only what
 * it does not hold already (book, department, counterparty, reversed kind): the line is written after
 * the transaction, and from here again when the batch is redelivered (ledger-index.ts).
 */
export function resultItem(outcome: Outcome, decidedAt: string, ledger?: LedgerEntry): Item {
  const { message } = outcome;
  const base = {
    ...resultKey(message.gov, message.postingId),
    entity: 'posting-result',
    postingId: message.postingId,
    gov: message.gov,
    year: message.year,
    kind: message.command.kind,
    date: message.command.date,
    actorSub: message.actor.sub,
    decidedAt,
  };
  if (outcome.status === 'rejected') {
    const listed = outcome.refusal.code === 'posting-failed' ? failedIndexKey(message.gov, message.postingId) : {};
    return { ...base, ...listed, status: 'rejected', reason: storedReason(outcome.refusal) };
  }
  if (outcome.status !== 'applied') throw new Error('a duplicate has no result to write');
  return {
    ...base,
    ...(outcome.journal.lines.length > 0 ? journalIndexKey(message.gov, outcome.journal.date, message.postingId) : {}),
    status: 'applied',
    lineId: outcome.lineId,
    fund: outcome.fund,
    amount: outcome.amount,
    effects: outcome.effects,
    journal: outcome.journal,
    ...(outcome.reverses ? { reverses: outcome.reverses } : {}),
    ...(ledger ? { ledger: storedLedgerLine(ledger) } : {}),
  };
}

const storedLedgerLine = (entry: LedgerEntry) => ({
  book: entry.book,
  dept: entry.dept,
  ...(entry.party ? { party: entry.party } : {}),
  ...(entry.reversedKind ? { reversedKind: entry.reversedKind } : {}),
});

/** The ledger line of an applied RESULT that carries one: the RESULT's own fields and its `ledger`. */
function storedLedgerEntry(item: Item): LedgerEntry | undefined {
  const line = item.ledger as Item | undefined;
  if (item.status !== 'applied' || !line) return undefined;
  return { gov: String(item.gov), year: Number(item.year), ...toLedgerLine({ ...item, ...line }) };
}

/** A rejected posting's stored reason (what GET /postings/{id} shows): the rule's code, detail and numbers. */
const storedReason = (refusal: Refusal) => ({ rule: refusal.code, detail: refusal.detail, context: refusal.context ?? {} });

export function toStoredResult(item: Item): StoredResult {
  return {
    postingId: String(item.postingId),
    gov: String(item.gov),
    year: Number(item.year),
    kind: item.kind as StoredResult['kind'],
    status: item.status as StoredResult['status'],
    amount: Number(item.amount ?? 0),
    effects: (item.effects as StoredResult['effects'] | undefined) ?? [],
    journal: item.journal as JournalEntry | undefined,
    reverses: item.reverses as string | undefined,
    ledger: storedLedgerEntry(item),
  };
}
