import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { LedgerEntry } from '#shared/domain/execution/ledger-entry.ts';
import type { PostingKind } from '#shared/domain/execution/posting.ts';

/**
 * The document ledger (지출부/수입부) as written index items: every applied posting is written under
 * each way officials page it, so a page is one Query of one partition in date order and never a
 * scan of the postings. The items are written right after the consumer's batch transaction commits
 * (putLedgerEntries), not inside it (issue #21: inside, each item cost 2 write units, half the
 * posting's cost); the posting's RESULT carries its ledger line, so a batch redelivered after a
 * crash between the two writes finds its postings decided and writes their lines again from it.
 *
 *   pk DOCLEDGER#{gov}#{year}#LINE#{lineId}        sk {yyyy-mm-dd}#{postingId}   by budget line
 *   pk DOCLEDGER#{gov}#{year}#DEPT#{dept}          sk …                          by department
 *   pk DOCLEDGER#{gov}#{year}#PARTY#{party}        sk …                          by counterparty (when known)
 *   pk DOCLEDGER#{gov}#{year}#BOOK#{book}          sk …                          the whole 지출부 or 수입부 (by period)
 *
 * A period is a range of the sort key on any of them. Each item holds only the ledger line (about
 * 250 bytes: under 1 KB, so 1 write unit outside a transaction): 3 or 4 items per posting, 3–4 write
 * units on top of the posting's own writes; a page of up to 100 lines reads ≤ 25 KB, 4 read units
 * eventually consistent. The items are Puts of fixed content keyed by posting id, so writing them
 * again (a redelivered batch, the backfill) changes nothing. Until they are written, an applied
 * posting is missing from the ledger pages only (the books, the journal and the status have it).
 * The book partition takes a government's whole posting rate: at 1 write unit per item it stays
 * under a partition's 1,000 units/s below 1,000 postings/s per government.
 */
export type LedgerDimension = 'line' | 'department' | 'counterparty' | 'book';

const DIMENSION_KEY: Readonly<Record<LedgerDimension, string>> = { line: 'LINE', department: 'DEPT', counterparty: 'PARTY', book: 'BOOK' };

export const ledgerPartition = (gov: string, year: number, by: LedgerDimension, value: string): string =>
  `DOCLEDGER#${gov}#${year}#${DIMENSION_KEY[by]}#${value}`;
const ledgerSortKey = (entry: Pick<LedgerEntry, 'date' | 'postingId'>): string => `${entry.date}#${entry.postingId}`;

/** The index items of one ledger line: one per dimension it has a value for. */
export function ledgerItems(entry: LedgerEntry): Record<string, unknown>[] {
  const values: [LedgerDimension, string | undefined][] = [
    ['line', entry.lineId],
    ['department', entry.dept || undefined],
    ['counterparty', entry.party],
    ['book', entry.book],
  ];
  const { gov: _gov, year: _year, ...line } = entry;
  return values
    .filter((pair): pair is [LedgerDimension, string] => pair[1] !== undefined)
    .map(([by, value]) => ({
      pk: ledgerPartition(entry.gov, entry.year, by, value),
      sk: ledgerSortKey(entry),
      entity: 'ledger-line',
      ...line,
    }));
}

/**
 * Writes the index items of the entries (idempotent Puts of fixed content keyed by posting id);
 * answers the write units consumed.
 */
export function putLedgerEntries(entries: readonly LedgerEntry[]): Promise<number> {
  if (entries.length === 0) return Promise.resolve(0);
  return batchWrite(entries.flatMap((entry) => ledgerItems(entry).map((Item) => ({ PutRequest: { Item } }))));
}

export interface LedgerPageRequest {
  readonly gov: string;
  readonly year: number;
  readonly by: LedgerDimension;
  readonly value: string;
  readonly from: string;
  readonly to: string;
  readonly limit: number;
  /** The sort key of the last line already returned (checked by the caller to lie inside from–to). */
  readonly after?: string | undefined;
}

export type LedgerLine = Omit<LedgerEntry, 'gov' | 'year'>;

/** One page of a ledger in date order (then posting id), between two dates inclusive. */
export async function pageLedger(request: LedgerPageRequest): Promise<{ lines: LedgerLine[]; last: string | undefined }> {
  const pk = ledgerPartition(request.gov, request.year, request.by, request.value);
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': `${request.from}#`, ':to': `${request.to}#~` },
      Limit: request.limit,
      ...(request.after ? { ExclusiveStartKey: { pk, sk: request.after } } : {}),
    }),
  );
  return { lines: (page.Items ?? []).map(toLedgerLine), last: page.LastEvaluatedKey?.sk as string | undefined };
}

/** A ledger line as stored: an index item, or a RESULT with its `ledger` spread over it (posting-items.ts). */
export function toLedgerLine(item: Record<string, unknown>): LedgerLine {
  return {
    book: item.book as LedgerLine['book'],
    postingId: String(item.postingId),
    kind: item.kind as PostingKind,
    date: String(item.date),
    amount: Number(item.amount),
    lineId: String(item.lineId),
    dept: String(item.dept ?? ''),
    ...(item.party ? { party: String(item.party) } : {}),
    ...(item.reverses ? { reverses: String(item.reverses), reversedKind: item.reversedKind as PostingKind } : {}),
  };
}
