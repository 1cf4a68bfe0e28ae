import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditPosition } from '#shared/audit/audit-cursor.ts';
import type { AuditPeriod } from '#shared/audit/audit-period.ts';
import { auditPartition } from '#shared/audit/audit-record.ts';
import type { AuditRecord, IndexedAuditRecords, KeyedAuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

export interface AuditPage {
  readonly items: AuditRecord[];
  /** Where the next page starts; absent when the period is exhausted. */
  readonly next?: AuditPosition;
}

interface Source {
  readonly indexName?: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /**
   * Where the records of the entries read so far, up to the entry at `key`, all lie below: an entry
   * stands for records sharing its `{at}#{requestId}#` (which may sort before or after its own key,
   * by operation), so only a later request's are sure to come after. Reading for the records after
   * a record's key starts there too.
   */
  readonly settledBelow: (key: string) => string;
  readonly records: (items: readonly Item[], underException: boolean) => Promise<KeyedAuditRecord[]>;
}

const MIN_PAGE = 25;

/** Key order as DynamoDB sorts the keys (by code unit, not by locale). */
const byKey = (a: KeyedAuditRecord, b: KeyedAuditRecord): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The `{at}#{requestId}#` a record's key starts with: every record of one request sorts after it. */
const requestPrefix = (key: string): string => `${key.split('#', 2).join('#')}#`;

/**
 * Where a month's records are, both sorted by the same key `{at}#{requestId}#{operation}#{target}`:
 * the table's partition AUDIT#{gov}#{yyyy-mm} (audit items written beside their change: one record
 * each), and the index's partition of the same name, which lists accepted postings' requests: each
 * stands for its acceptance and, once applied, its application (posting-audit.ts; issue #21), whose
 * key shares the request's `{at}#{requestId}#` and may sort before or after other entries of that request.
 */
const sources = (indexed: IndexedAuditRecords): readonly Source[] => [
  {
    partitionKey: 'pk',
    sortKey: 'sk',
    settledBelow: (key) => `${key}\u0000`,
    records: async (items) => items.map((item) => ({ key: String(item.sk), record: toAuditRecord(item) })),
  },
  {
    indexName: 'gsi1',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    settledBelow: requestPrefix,
    records: indexed,
  },
];

/**
 * Reads a government's audit records of a period, oldest first, one month after the other (Queries
 * of the month's two sources, merged by sort key; never a Scan), until `limit` records are
 * collected. `underException`: only the changes made under a 겸직 exception (filtered in the Query;
 * the partition is still read through).
 */
export async function readAuditRecords(
  gov: string,
  period: AuditPeriod,
  start: AuditPosition,
  limit: number,
  options: { readonly indexed: IndexedAuditRecords; readonly underException?: boolean },
): Promise<AuditPage> {
  const underException = options.underException ?? false;
  const items: AuditRecord[] = [];
  const firstMonth = period.months.indexOf(start.month);
  let afterKey = start.afterKey;
  for (let m = firstMonth; m < period.months.length; m++) {
    const month = period.months[m] as string;
    // Each source's first `wanted` records after the position: the merged first `wanted` are the month's.
    const wanted = limit - items.length;
    const read = await Promise.all(
      sources(options.indexed).map((source) => firstRecords(source, auditPartition(gov, month), period, afterKey, wanted, underException)),
    );
    // One record under one key, whichever source holds it (a table written by two versions can hold both).
    const merged = read
      .flatMap((source) => source.records)
      .sort(byKey)
      .filter((entry, i, all) => i === 0 || all[i - 1]?.key !== entry.key);
    const taken = merged.slice(0, wanted);
    items.push(...taken.map((entry) => entry.record));
    const more = merged.length > wanted || read.some((source) => !source.exhausted);
    if (items.length === limit) {
      const last = taken.at(-1)?.key;
      if (more && last !== undefined) return { items, next: { month, afterKey: last } };
      const following = period.months[m + 1];
      return following ? { items, next: { month: following } } : { items };
    }
    afterKey = undefined;
  }
  return { items };
}

/**
 * A source's first `wanted` records after `after` with keys in the period (and the filter), in key
 * order, and whether it has no more. Reads on while the records found are not yet settled (the last
 * request read may stand for more records than those of its entries read so far).
 */
async function firstRecords(
  source: Source,
  pk: string,
  period: AuditPeriod,
  after: string | undefined,
  wanted: number,
  underException: boolean,
): Promise<{ records: KeyedAuditRecord[]; exhausted: boolean }> {
  const found: KeyedAuditRecord[] = [];
  const low = after === undefined ? period.lowestKey : source.settledBelow(after);
  // A position at the period's very end (a cursor may name it) has nothing after it.
  if (low > period.highestKey) return { records: [], exhausted: true };
  const inRange = (entry: KeyedAuditRecord) => (after === undefined || entry.key > after) && entry.key <= period.highestKey;
  let settled: (entry: KeyedAuditRecord) => boolean = () => true;
  let cursor: Item | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        ...(source.indexName ? { IndexName: source.indexName } : {}),
        KeyConditionExpression: `${source.partitionKey} = :pk AND ${source.sortKey} BETWEEN :low AND :high`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ':low': low,
          ':high': period.highestKey,
        },
        // Never a page of one: a request with many postings is read on until it is settled.
        Limit: Math.max(MIN_PAGE, wanted - found.filter(settled).length),
        ...(underException ? { FilterExpression: 'attribute_exists(exceptionUses)' } : {}),
        ...(cursor ? { ExclusiveStartKey: cursor } : {}),
      }),
    );
    found.push(...(await source.records(page.Items ?? [], underException)).filter(inRange));
    cursor = page.LastEvaluatedKey;
    const below = cursor ? source.settledBelow(String(cursor[source.sortKey])) : undefined;
    settled = below === undefined ? () => true : (entry) => entry.key < below;
  } while (cursor && found.filter(settled).length < wanted);
  const records = found.filter(settled).sort(byKey);
  return { records, exhausted: cursor === undefined };
}

function toAuditRecord(item: Item): AuditRecord {
  return {
    gov: String(item.gov),
    operation: String(item.operation),
    target: String(item.target),
    subject: String(item.subject),
    role: item.role as AuditRecord['role'],
    at: String(item.at),
    requestId: String(item.requestId),
    sourceIp: String(item.sourceIp),
    bodySha256: String(item.bodySha256),
    ...(item.exceptionUses ? { exceptionUses: item.exceptionUses as AuditRecord['exceptionUses'] } : {}),
  };
}
