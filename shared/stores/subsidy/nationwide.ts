import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';
import type { ExclusionEntry, HistoryEntry, IdentifierRecords, ReturnEntry } from '#shared/domain/subsidy/nationwide-check.ts';
import {
  EXCLUSIONS_PARTITION,
  FLAGS_PARTITION,
  RETURNS_PARTITION,
  exclusionSort,
  historySort,
  identifierPartition,
  returnSort,
} from '#shared/stores/subsidy/keys.ts';
import { strip } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, ExclusionRecord } from '#shared/stores/subsidy/records.ts';
import { queryAll, queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * The nationwide access patterns, each a small named function. Reads go by identifier partition
 * (one Query each) or by one of the ministry's list partitions; nothing here scans.
 */

/** Everything known nationwide about one identifier: its support history, exclusions and unpaid returns (one Query). */
export async function recordsOfIdentifier(identifier: Identifier): Promise<IdentifierRecords> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': identifierPartition(identifier) },
    ConsistentRead: true,
  });
  const of = (prefix: string) =>
    items.filter((item) => String(item.sk).startsWith(prefix)).map((item) => strip<Record<string, unknown>>(item));
  return {
    identifier,
    grants: of('GRANT#') as unknown as HistoryEntry[],
    exclusions: of('EXCL#') as unknown as ExclusionEntry[],
    returns: of('RETURN#') as unknown as ReturnEntry[],
  };
}

/** The support history of one identifier in every government (the ministry's "grants per recipient"). */
export async function grantsOfIdentifier(identifier: Identifier): Promise<HistoryEntry[]> {
  return (await queryPrefix(identifierPartition(identifier), 'GRANT#')).map((item) => strip<HistoryEntry>(item));
}

/** The nationwide exclusion register (and the 명단 공표 source). */
export async function exclusionsNationwide(): Promise<ExclusionRecord[]> {
  return (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': EXCLUSIONS_PARTITION } })).map((item) =>
    strip<ExclusionRecord>(item),
  );
}

/** Returns ordered and not yet paid, in every government. */
export async function outstandingReturnsNationwide(): Promise<(ReturnEntry & { recipientId: string; projectName: string })[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': RETURNS_PARTITION } });
  return items
    .map((item) => strip<ReturnEntry & { recipientId: string; projectName: string }>(item))
    .filter((entry) => entry.outstanding > 0);
}

/** Decisions taken over a similarity flag, in every government. */
export async function flaggedDecisionsNationwide(): Promise<Record<string, unknown>[]> {
  return (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': FLAGS_PARTITION } })).map((item) =>
    strip<Record<string, unknown>>(item),
  );
}

/* Writes, as items of the transaction of the step that causes them. */

/** One support-history item per identifier, written with the 교부결정. */
export const historyItems = (application: ApplicationRecord, entry: HistoryEntry): TransactItem[] =>
  application.identifiers.map((identifier) => ({
    Put: {
      TableName: tableName(),
      Item: {
        pk: identifierPartition(identifier),
        sk: historySort(entry.decidedOn, entry.gov, entry.applicationId),
        entity: 'subsidy-history',
        recipientId: application.recipientId,
        ...entry,
      },
    },
  }));

export const flagItem = (application: ApplicationRecord, decidedAt: string, record: Record<string, unknown>): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      pk: FLAGS_PARTITION,
      sk: `${decidedAt}#${application.gov}#${application.applicationId}`,
      entity: 'subsidy-flag',
      ...record,
    },
  },
});

/** The exclusion under each of its identifiers and in the nationwide register. */
export const exclusionItems = (record: ExclusionRecord): TransactItem[] => [
  {
    Put: {
      TableName: tableName(),
      Item: { pk: EXCLUSIONS_PARTITION, sk: `${record.from}#${record.gov}#${record.exclusionId}`, entity: 'subsidy-exclusion', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  ...record.identifiers.map((identifier) => ({
    Put: {
      TableName: tableName(),
      Item: {
        pk: identifierPartition(identifier),
        sk: exclusionSort(record.gov, record.exclusionId),
        entity: 'subsidy-exclusion-index',
        gov: record.gov,
        exclusionId: record.exclusionId,
        party: record.party,
        ground: record.ground,
        from: record.from,
        until: record.until,
        article: record.article,
      },
    },
  })),
];

/** The outstanding amount of a grant's 반환 under each identifier and in the nationwide list (0 once paid). */
export const returnItems = (application: ApplicationRecord, outstanding: number): TransactItem[] => [
  {
    Put: {
      TableName: tableName(),
      Item: {
        pk: RETURNS_PARTITION,
        sk: `${application.gov}#${application.applicationId}`,
        entity: 'subsidy-return',
        gov: application.gov,
        applicationId: application.applicationId,
        recipientId: application.recipientId,
        projectName: application.projectName,
        outstanding,
      },
    },
  },
  ...application.identifiers.map((identifier) => ({
    Put: {
      TableName: tableName(),
      Item: {
        pk: identifierPartition(identifier),
        sk: returnSort(application.gov, application.applicationId),
        entity: 'subsidy-return-index',
        gov: application.gov,
        applicationId: application.applicationId,
        outstanding,
      },
    },
  })),
];

/** Registers an exclusion: the register entry, one index item per identifier, the restricted PII item and the audit record. */
export function insertExclusion(
  record: ExclusionRecord,
  residentNumber: string | undefined,
  audit: AuditRecord,
): Promise<TransactOutcome<'exclusion' | 'pii' | 'audit'>> {
  return transact({
    exclusion: exclusionItems(record),
    pii: residentNumber
      ? [
          {
            Put: {
              TableName: tableName(),
              Item: {
                pk: `SUBSIDY-EXCL-PII#${record.gov}`,
                sk: record.exclusionId,
                entity: 'subsidy-pii',
                residentNumber,
                purpose: '보조금령 §19⑤ 등록사항',
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [],
    audit: auditPut(tableName(), audit),
  });
}
