import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';
import type { ExclusionEntry, HistoryEntry, IdentifierRecords, ReturnEntry } from '#shared/domain/subsidy/nationwide-check.ts';
import type { PendingCut } from '#shared/domain/subsidy/next-grant-cut.ts';
import type { DisclosureCase, StoredRound } from '#shared/domain/subsidy/disclosure-cut.ts';
import {
  EXCLUSIONS_PARTITION,
  FLAGS_PARTITION,
  HEAD_SORT,
  PUBLISHED_PARTITION,
  RETURNS_PARTITION,
  cutSort,
  disclosureSort,
  exclusionRefKey,
  exclusionSort,
  historySort,
  identifierPartition,
  returnSort,
} from '#shared/stores/subsidy/keys.ts';
import { strip } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, ExclusionRecord } from '#shared/stores/subsidy/records.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * The nationwide access patterns, each a small named function. Reads go by identifier partition
 * (one Query each) or by one of the ministry's list partitions; nothing here scans.
 */

/** A pending cut as stored: with the identifiers of the late grant, under each of which it is kept. */
export interface StoredCut extends PendingCut {
  readonly identifiers: readonly Identifier[];
}

/** A grant's 공시 시정명령 as stored: with the grant's identifiers, under each of which it is kept. */
export interface StoredDisclosure extends DisclosureCase {
  readonly identifiers: readonly Identifier[];
}

/**
 * Everything known nationwide about one identifier: its support history, exclusions, unpaid returns
 * and the cuts late reports left for the next grant and not yet taken (one Query).
 */
export async function recordsOfIdentifier(
  identifier: Identifier,
): Promise<
  IdentifierRecords & { readonly cuts: readonly StoredCut[]; readonly disclosures: readonly StoredDisclosure[]; readonly version: number }
> {
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
    cuts: of('CUT#').filter((item) => item.takenBy === undefined) as unknown as StoredCut[],
    disclosures: of('DISCLOSURE#').filter((item) => item.takenBy === undefined) as unknown as StoredDisclosure[],
    version: Number(items.find((item) => item.sk === HEAD_SORT)?.version ?? 0),
  };
}

/** A page of a nationwide list: at most `limit` items read, and the cursor of the next page if more may follow. */
export interface NationwidePage<Item> {
  readonly items: Item[];
  readonly cursor?: string;
}

/**
 * One page of one partition (a Query with `Limit`, never a Scan), from the opaque cursor of the
 * previous page; 'foreign-cursor' when the cursor was not issued for this partition. A filter may
 * leave a page shorter than `limit`; the cursor still continues it.
 */
async function pageOf<Item>(
  pk: string,
  prefix: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  filter?: {
    readonly expression: string;
    readonly values: Record<string, unknown>;
    readonly names?: Record<string, string>;
    /** Sort keys from this one on (within `prefix`). */
    readonly from?: string;
  },
): Promise<NationwidePage<Item> | 'foreign-cursor'> {
  const start = page.cursor === undefined ? undefined : decodeCursor(page.cursor, pk, prefix);
  if (start === 'foreign-cursor') return start;
  const range = filter?.from
    ? { condition: 'pk = :pk AND sk BETWEEN :from AND :to', values: { ':from': filter.from, ':to': `${prefix}~` } }
    : prefix
      ? { condition: 'pk = :pk AND begins_with(sk, :prefix)', values: { ':prefix': prefix } }
      : { condition: 'pk = :pk', values: {} };
  const answer = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: range.condition,
      ExpressionAttributeValues: { ':pk': pk, ...range.values, ...filter?.values },
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ...(filter?.names ? { ExpressionAttributeNames: filter.names } : {}),
      Limit: page.limit,
      ExclusiveStartKey: start,
    }),
  );
  const last = answer.LastEvaluatedKey;
  return {
    items: (answer.Items ?? []).map((item) => strip<Item>(item)),
    ...(last ? { cursor: Buffer.from(JSON.stringify({ pk: last.pk, sk: last.sk })).toString('base64url') } : {}),
  };
}

/** A cursor continues only the partition (and sort-key prefix) it was issued for. */
function decodeCursor(cursor: string, pk: string, prefix: string): { pk: string; sk: string } | 'foreign-cursor' {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return 'foreign-cursor';
  }
  const { pk: keyPk, sk, ...rest } = (typeof key === 'object' && key !== null ? key : {}) as Record<string, unknown>;
  if (keyPk !== pk || typeof sk !== 'string' || !sk.startsWith(prefix) || Object.keys(rest).length > 0) return 'foreign-cursor';
  return { pk, sk };
}

type Page = { readonly limit: number; readonly cursor?: string | undefined };

/** The support history of one identifier in every government (the ministry's "grants per recipient"), oldest first. */
export const grantsOfIdentifier = (identifier: Identifier, page: Page) =>
  pageOf<HistoryEntry>(identifierPartition(identifier), 'GRANT#', page);

/** The nationwide exclusion register, by start date. */
export const exclusionsNationwide = (page: Page) => pageOf<ExclusionRecord>(EXCLUSIONS_PARTITION, '', page);

/** Returns ordered and not yet paid, in every government. */
export const outstandingReturnsNationwide = (page: Page) =>
  pageOf<ReturnEntry & { recipientId: string; projectName: string }>(RETURNS_PARTITION, '', page, {
    expression: 'outstanding > :zero',
    values: { ':zero': 0 },
  });

/**
 * The names every government shows on `on` (보조금법 §30①; 보조금령 §17②): entries whose last day is
 * on or after it, from the earliest last day, published from on or before it.
 */
export const publishedNamesNationwide = (on: string, page: Page) =>
  pageOf<Record<string, unknown>>(PUBLISHED_PARTITION, 'LIST#', page, {
    from: `LIST#${on}`,
    expression: '#from <= :on',
    names: { '#from': 'from' },
    values: { ':on': on },
  });

/**
 * The register sort key of a government's exclusion, if it was registered. Exclusions registered before
 * the ref item existed have none: they are found once in the register (a Query of its partition, only for
 * them) and their ref item is written then, idempotently, so the next lookup is one GetItem again.
 */
export async function exclusionRegisterKey(gov: string, exclusionId: string): Promise<{ pk: string; sk: string } | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: exclusionRefKey(gov, exclusionId) }));
  if (Item) return { pk: EXCLUSIONS_PARTITION, sk: String(Item.registerSort) };
  const registerSort = await registeredBeforeRef(gov, exclusionId);
  if (registerSort === undefined) return undefined;
  await dynamoClient()
    .send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...exclusionRefKey(gov, exclusionId), entity: 'subsidy-exclusion-ref', registerSort },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: unknown) => {
      // a concurrent lookup wrote the same ref item first
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    });
  return { pk: EXCLUSIONS_PARTITION, sk: registerSort };
}

/** The register sort key of an exclusion that has no ref item, read from the register itself (legacy entries). */
async function registeredBeforeRef(gov: string, exclusionId: string): Promise<string | undefined> {
  const [entry] = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'gov = :gov AND exclusionId = :exclusionId',
    ProjectionExpression: 'sk',
    ExpressionAttributeValues: { ':pk': EXCLUSIONS_PARTITION, ':gov': gov, ':exclusionId': exclusionId },
    ConsistentRead: true,
  });
  return entry ? String(entry.sk) : undefined;
}

/** A grant's 공시 case as kept under one of its identifiers (the same under each), if any order was written. */
export async function disclosureRoundOf(identifier: Identifier, gov: string, applicationId: string): Promise<StoredRound | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: identifierPartition(identifier), sk: disclosureSort(gov, applicationId) },
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  const orders = Array.isArray(Item.orders) ? Item.orders.length : 0;
  return { firstOrder: Number(Item.firstOrder ?? 0), orders, taken: Item.takenBy !== undefined };
}

/** Decisions taken over a similarity flag, in every government, oldest first. */
export const flaggedDecisionsNationwide = (page: Page) => pageOf<Record<string, unknown>>(FLAGS_PARTITION, '', page);

/* Writes, as items of the transaction of the step that causes them. */

/** The same item under each identifier's partition, at one sort key: how a record is indexed per recipient. */
const putUnderEach = (
  identifiers: readonly Identifier[],
  sk: string,
  item: Record<string, unknown>,
  condition?: { ConditionExpression: string },
): TransactItem[] =>
  identifiers.map((identifier) => ({
    Put: { TableName: tableName(), Item: { pk: identifierPartition(identifier), sk, ...item }, ...condition },
  }));

/** The same update of the item at one sort key under each identifier's partition. */
const updateUnderEach = (
  identifiers: readonly Identifier[],
  sk: string,
  update: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> },
): TransactItem[] =>
  identifiers.map((identifier) => ({ Update: { TableName: tableName(), Key: { pk: identifierPartition(identifier), sk }, ...update } }));

/** One support-history item per identifier, written with the 교부결정. */
export const historyItems = (application: ApplicationRecord, entry: HistoryEntry): TransactItem[] =>
  putUnderEach(application.identifiers, historySort(entry.decidedOn, entry.gov, entry.applicationId), {
    entity: 'subsidy-history',
    recipientId: application.recipientId,
    ...entry,
  });

/**
 * The 교부결정's claim on each identifier it checked: the version item moves from the version the
 * check read to the next, or the transaction fails. Two governments deciding grants for the same
 * recipient at once both read version n; only the first write passes, and the second is checked
 * again and sees the first (보조금법 §6③ 중복 교부 방지: no decision on a stale check).
 */
export const registrationItems = (identifiers: readonly Identifier[], seen: readonly number[]): TransactItem[] =>
  identifiers.map((identifier, i) => ({
    Update: {
      TableName: tableName(),
      Key: { pk: identifierPartition(identifier), sk: HEAD_SORT },
      UpdateExpression: 'SET #version = :next, entity = :entity',
      ConditionExpression: seen[i] ? '#version = :seen' : 'attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: {
        ':next': (seen[i] ?? 0) + 1,
        ':entity': 'subsidy-identifier-head',
        ...(seen[i] ? { ':seen': seen[i] } : {}),
      },
    },
  }));

/** The grant's amount in its support-history items, after a 교부결정 취소 cut it (the nationwide totals follow). */
export const historyAmountItems = (application: ApplicationRecord, decidedOn: string, amount: number): TransactItem[] =>
  updateUnderEach(application.identifiers, historySort(decidedOn, application.gov, application.applicationId), {
    UpdateExpression: 'SET amount = :amount',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':amount': amount },
  });

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

const registerSort = (record: ExclusionRecord): string => `${record.from}#${record.gov}#${record.exclusionId}`;

/** The exclusion under each of its identifiers and in the nationwide register. */
export const exclusionItems = (record: ExclusionRecord): TransactItem[] => [
  {
    Put: {
      TableName: tableName(),
      Item: { pk: EXCLUSIONS_PARTITION, sk: registerSort(record), entity: 'subsidy-exclusion', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  {
    Put: {
      TableName: tableName(),
      Item: { ...exclusionRefKey(record.gov, record.exclusionId), entity: 'subsidy-exclusion-ref', registerSort: registerSort(record) },
    },
  },
  ...putUnderEach(record.identifiers, exclusionSort(record.gov, record.exclusionId), {
    entity: 'subsidy-exclusion-index',
    gov: record.gov,
    exclusionId: record.exclusionId,
    party: record.party,
    ground: record.ground,
    from: record.from,
    until: record.until,
    article: record.article,
  }),
  ...headBumpItems(record.identifiers),
];

/**
 * The version bump of each identifier whose nationwide records a write changes (an exclusion, a 반환
 * ordered or paid, a pending cut left or taken, a grant's amount cut): a decision whose check read
 * them before then fails its registration (409 nationwide-check-stale) and is checked again.
 * Once per identifier: a transaction may not touch one item twice, so a step writing several kinds
 * of records bumps once, and `except` leaves out the identifiers the step already moves itself.
 */
export function headBumpItems(identifiers: readonly Identifier[], except: readonly Identifier[] = []): TransactItem[] {
  const skip = new Set(except.map(identifierPartition));
  const partitions = new Set(identifiers.map(identifierPartition).filter((pk) => !skip.has(pk)));
  return [...partitions].map((pk) => ({
    Update: {
      TableName: tableName(),
      Key: { pk, sk: HEAD_SORT },
      UpdateExpression: 'SET entity = :entity ADD #version :one',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':entity': 'subsidy-identifier-head', ':one': 1 },
    },
  }));
}

/** A late report's pending cut, under each identifier of the late grant (written with the 실적보고). */
export const pendingCutItems = (application: ApplicationRecord, cut: PendingCut): TransactItem[] =>
  putUnderEach(application.identifiers, cutSort(cut.gov, cut.applicationId), {
    entity: 'subsidy-pending-cut',
    ...cut,
    identifiers: application.identifiers,
  });

/**
 * The grant's 공시 시정명령 of the current count (from `firstOrder`) as they stand, under each identifier of the
 * grant (written with each order and compliance).
 */
export const disclosureItems = (
  application: ApplicationRecord,
  disclosure: DisclosureCase,
  round: { readonly firstOrder: number; readonly reopens: boolean },
): TransactItem[] =>
  putUnderEach(
    application.identifiers,
    disclosureSort(disclosure.gov, disclosure.applicationId),
    { entity: 'subsidy-disclosure-orders', ...disclosure, firstOrder: round.firstOrder, identifiers: application.identifiers },
    // an order after a taken cut replaces the taken case with a new count (it read it taken); any other
    // write finds it untaken, or a decision took it meanwhile and the orders it counted are closed
    { ConditionExpression: round.reopens ? 'attribute_exists(takenBy)' : 'attribute_not_exists(takenBy)' },
  );

/**
 * The pending cuts (late report: `cutSort`; 공시: `disclosureSort`) a decision took: marked with the
 * grant that took them, under every identifier, once.
 */
export const takenCutItems = (
  cuts: readonly Pick<StoredCut, 'gov' | 'applicationId' | 'identifiers'>[],
  takenBy: string,
  sortOf: (gov: string, applicationId: string) => string = cutSort,
): TransactItem[] =>
  cuts.flatMap((cut) =>
    updateUnderEach(cut.identifiers, sortOf(cut.gov, cut.applicationId), {
      UpdateExpression: 'SET takenBy = :takenBy',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(takenBy)',
      ExpressionAttributeValues: { ':takenBy': takenBy },
    }),
  );

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
  ...putUnderEach(application.identifiers, returnSort(application.gov, application.applicationId), {
    entity: 'subsidy-return-index',
    gov: application.gov,
    applicationId: application.applicationId,
    outstanding,
  }),
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
