import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditPosition } from '#shared/audit/audit-cursor.ts';
import type { AuditPeriod } from '#shared/audit/audit-period.ts';
import { auditPartition } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

export interface AuditPage {
  readonly items: AuditRecord[];
  /** Where the next page starts; absent when the period is exhausted. */
  readonly next?: AuditPosition;
}

type Item = Record<string, unknown>;

/**
 * Where a month's records are: the table's partition AUDIT#{gov}#{yyyy-mm} (audit items written beside
 * their change) and the index's partition of the same name (items that are their own audit record:
 * accepted postings' requests, issue #21). Both are sorted by the same key, `{at}#{requestId}#…`.
 */
const SOURCES = [
  { sortKey: 'sk', keyCondition: 'pk = :pk AND sk BETWEEN :low AND :high' },
  { sortKey: 'gsi1sk', keyCondition: 'gsi1pk = :pk AND gsi1sk BETWEEN :low AND :high', IndexName: 'gsi1' },
] as const;

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
  underException = false,
): Promise<AuditPage> {
  const items: AuditRecord[] = [];
  const firstMonth = period.months.indexOf(start.month);
  let afterKey = start.afterKey;
  for (let m = firstMonth; m < period.months.length; m++) {
    const month = period.months[m] as string;
    // Each source's first `wanted` records after the position: the merged first `wanted` are the month's.
    const wanted = limit - items.length;
    const low = afterKey === undefined ? period.lowestKey : `${afterKey}\u0000`;
    const read = await Promise.all(
      SOURCES.map((source) => firstRecords(source, auditPartition(gov, month), low, period.highestKey, wanted, underException)),
    );
    const merged = read.flatMap((source) => source.records).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const taken = merged.slice(0, wanted);
    items.push(...taken.map((record) => toAuditRecord(record.item)));
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

/** A source's first `wanted` records with sort keys in [low, high] (after the filter), and whether it has no more. */
async function firstRecords(
  source: (typeof SOURCES)[number],
  pk: string,
  low: string,
  high: string,
  wanted: number,
  underException: boolean,
): Promise<{ records: { key: string; item: Item }[]; exhausted: boolean }> {
  const records: { key: string; item: Item }[] = [];
  let cursor: Item | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        ...('IndexName' in source ? { IndexName: source.IndexName } : {}),
        KeyConditionExpression: source.keyCondition,
        ExpressionAttributeValues: { ':pk': pk, ':low': low, ':high': high },
        Limit: wanted - records.length,
        ...(underException ? { FilterExpression: 'attribute_exists(exceptionUses)' } : {}),
        ...(cursor ? { ExclusiveStartKey: cursor } : {}),
      }),
    );
    for (const item of page.Items ?? []) records.push({ key: String(item[source.sortKey]), item });
    cursor = page.LastEvaluatedKey;
  } while (cursor && records.length < wanted);
  return { records, exhausted: cursor === undefined };
}

/** An audit item, or an item that is its own audit record: its actor says who, when and from where (posting-items.ts requestItem). */
function toAuditRecord(item: Item): AuditRecord {
  const actor = item.actor as Item | undefined;
  const who = actor ? { ...actor, subject: actor.sub, at: actor.receivedAt } : item;
  return {
    gov: String(item.gov),
    operation: String(item.operation),
    target: actor ? `posting ${String(item.postingId)}` : String(item.target),
    subject: String(who.subject),
    role: who.role as AuditRecord['role'],
    at: String(who.at),
    requestId: String(who.requestId),
    sourceIp: String(who.sourceIp),
    bodySha256: String(who.bodySha256),
    ...(item.exceptionUses ? { exceptionUses: item.exceptionUses as AuditRecord['exceptionUses'] } : {}),
  };
}
