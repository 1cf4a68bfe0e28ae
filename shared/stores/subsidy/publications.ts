import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { PUBLISHED_PARTITION } from '#shared/stores/subsidy/keys.ts';
import { strip } from '#shared/stores/subsidy/programs.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * 명단 공표 cases of one government (보조금법 §30), one partition:
 *   pk SUBSIDY-PUBLICATIONS#{gov}  sk CASE#{publicationId}            the case: notice, statement, decision (revision)
 *   pk SUBSIDY-PUBLICATIONS#{gov}  sk LIST#{until}#{publicationId}    what is published, until its last day
 * The public read is one Query from LIST#{today}: entries whose period has ended sort before it.
 */
export interface PublicationRecord {
  readonly gov: string;
  readonly publicationId: string;
  readonly target: string;
  readonly article: string;
  /** The items of 보조금령 §17①, as notified and as they would be published. */
  readonly particulars: {
    readonly name: string;
    readonly age?: number | undefined;
    readonly address: string;
    readonly representative?:
      | { readonly name: string; readonly age?: number | undefined; readonly address?: string | undefined }
      | undefined;
    readonly violation: string;
    readonly measures: string;
  };
  readonly applicationRef?: { readonly year: number; readonly applicationId: string } | undefined;
  readonly exclusionRef?: string | undefined;
  /** §30①1: the 시정명령 the named grant had when the case was noticed. */
  readonly correctionOrders?: number | undefined;
  readonly noticeOn: string;
  readonly statementBy: string;
  readonly notifiedBy: string;
  readonly statement?: { readonly receivedOn: string; readonly text: string; readonly recordedBy: string };
  readonly decision?: {
    readonly decidedOn: string;
    readonly committeeOn: string;
    readonly decidedBy: string;
    readonly reason: string;
    readonly published?: { readonly from: string; readonly until: string; readonly extensionMonths: number; readonly article: string };
    readonly withheld?: string;
  };
  readonly state: 'noticed' | 'published' | 'withheld';
  readonly revision: number;
}

const partition = (gov: string): string => `SUBSIDY-PUBLICATIONS#${gov}`;
const caseKey = (gov: string, publicationId: string) => ({ pk: partition(gov), sk: `CASE#${publicationId}` });

export async function getPublication(gov: string, publicationId: string): Promise<PublicationRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: caseKey(gov, publicationId), ConsistentRead: true }),
  );
  return Item ? strip<PublicationRecord>(Item) : undefined;
}

/**
 * Writes the case: new (`read` undefined: the id must be free) or over the revision read; a decision
 * to publish also writes the public list entry, the same entry in the ministry's nationwide list and,
 * when the case names a registered exclusion (`registerKey`), the publication on its register entry.
 * The audit record goes in the same transaction.
 */
export function writePublication(
  record: PublicationRecord,
  read: PublicationRecord | undefined,
  audit: AuditRecord,
  registerKey?: { readonly pk: string; readonly sk: string },
): Promise<TransactOutcome<'publication' | 'list' | 'national' | 'exclusion' | 'audit'>> {
  const published = record.decision?.published;
  const entry = published && {
    entity: 'subsidy-published-name',
    publicationId: record.publicationId,
    target: record.target,
    article: record.article,
    ...record.particulars,
    from: published.from,
    until: published.until,
  };
  return transact({
    publication: {
      Put: {
        TableName: tableName(),
        Item: { ...caseKey(record.gov, record.publicationId), entity: 'subsidy-publication', ...record },
        ConditionExpression: read ? '#revision = :read' : 'attribute_not_exists(pk)',
        ...(read ? { ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':read': read.revision } } : {}),
      },
    },
    list: published
      ? [
          {
            Put: {
              TableName: tableName(),
              Item: { pk: partition(record.gov), sk: `LIST#${published.until}#${record.publicationId}`, ...entry },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [],
    national: published
      ? [
          {
            Put: {
              TableName: tableName(),
              Item: {
                pk: PUBLISHED_PARTITION,
                sk: `LIST#${published.until}#${record.gov}#${record.publicationId}`,
                ...entry,
                gov: record.gov,
                ...(record.exclusionRef ? { exclusionRef: record.exclusionRef } : {}),
                // §30①1: the grant whose 시정명령 the case counted, and how many
                ...(record.correctionOrders !== undefined
                  ? { applicationRef: record.applicationRef, correctionOrders: record.correctionOrders }
                  : {}),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [],
    exclusion:
      published && registerKey
        ? [
            {
              Update: {
                TableName: tableName(),
                Key: registerKey,
                UpdateExpression: 'SET publication = :publication',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: {
                  ':publication': { gov: record.gov, publicationId: record.publicationId, from: published.from, until: published.until },
                },
              },
            },
          ]
        : [],
    audit: auditPut(tableName(), audit),
  });
}

/** The entries shown on `on`: published from on or before it, until on or after it. */
export async function publishedOn(gov: string, on: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    FilterExpression: '#from <= :on',
    ExpressionAttributeNames: { '#from': 'from' },
    ExpressionAttributeValues: { ':pk': partition(gov), ':from': `LIST#${on}`, ':to': 'LIST#~', ':on': on },
  });
  return items.map((item) => strip<Record<string, unknown>>(item));
}
