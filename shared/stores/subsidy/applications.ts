import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  applicationKey,
  executionPrefix,
  paymentKey,
  paymentPrefix,
  piiKey,
  recipientIndexKey,
  recipientIndexSort,
  yearPartition,
} from '#shared/stores/subsidy/keys.ts';
import { strip } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, ExecutionRecord, PaymentRecord } from '#shared/stores/subsidy/records.ts';
import { queryAll, queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { NamedItems, TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

/** The restricted item: the 주민등록번호 the law requires to be kept (보조금령 §19⑤); no route reads it. */
export interface PiiRecord {
  readonly residentNumber: string;
  readonly purpose: string;
}

export async function getApplication(gov: string, year: number, applicationId: string): Promise<ApplicationRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: applicationKey(gov, year, applicationId), ConsistentRead: true }),
  );
  return Item ? strip<ApplicationRecord>(Item) : undefined;
}

/** A new application, its restricted PII item and its audit record, all or nothing. */
export function insertApplication(
  record: ApplicationRecord,
  pii: PiiRecord,
  audit: AuditRecord,
): Promise<TransactOutcome<'application' | 'pii' | 'audit'>> {
  const { gov, year, applicationId } = record;
  return transact({
    application: {
      Put: {
        TableName: tableName(),
        Item: {
          ...applicationKey(gov, year, applicationId),
          gsi1pk: recipientIndexKey(record.recipientId),
          gsi1sk: recipientIndexSort(gov, year, applicationId),
          entity: 'subsidy-application',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    pii: {
      Put: {
        TableName: tableName(),
        Item: { ...piiKey(gov, year, applicationId), entity: 'subsidy-pii', ...pii },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

/**
 * Changes an application (SET of the given attributes, revision + 1) conditional on the revision it
 * was read at, with the other items of the same step and the audit record, in one transaction;
 * `application` fails when it moved meanwhile.
 */
export function updateApplication<Other extends string>(
  read: ApplicationRecord,
  changes: Partial<ApplicationRecord>,
  others: NamedItems<Other>,
  audit: AuditRecord,
): Promise<TransactOutcome<'application' | 'audit' | Other>> {
  // An attribute changed to undefined is removed.
  const entries = Object.entries(changes);
  const names = Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name]));
  const values = Object.fromEntries(entries.flatMap(([, value], i) => (value === undefined ? [] : [[`:v${i}`, value]])));
  const set = entries.flatMap(([, value], i) => (value === undefined ? [] : [`#a${i} = :v${i}`]));
  const remove = entries.flatMap(([, value], i) => (value === undefined ? [`#a${i}`] : []));
  const application: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: applicationKey(read.gov, read.year, read.applicationId),
      UpdateExpression: `SET ${[...set, '#revision = :next'].join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#revision = :read',
      ExpressionAttributeNames: { ...names, '#revision': 'revision' },
      ExpressionAttributeValues: { ...values, ':next': read.revision + 1, ':read': read.revision },
    },
  };
  return transact({ application, ...others, audit: auditPut(tableName(), audit) } as NamedItems<'application' | 'audit' | Other>);
}

export const executionItem = (gov: string, year: number, record: ExecutionRecord, sk: string): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { pk: yearPartition(gov, year), sk, entity: 'subsidy-execution', ...record },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function executionsOf(gov: string, year: number, applicationId: string): Promise<ExecutionRecord[]> {
  return (await queryPrefix(yearPartition(gov, year), executionPrefix(applicationId))).map((item) => strip<ExecutionRecord>(item));
}

export const paymentItem = (gov: string, year: number, record: PaymentRecord, condition: 'new' | 'requested'): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...paymentKey(gov, year, record.applicationId, record.paymentId), entity: 'subsidy-payment', ...record },
    ConditionExpression: condition === 'new' ? 'attribute_not_exists(pk)' : '#state = :requested',
    ...(condition === 'requested'
      ? { ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':requested': 'requested' } }
      : {}),
  },
});

export async function getPayment(gov: string, year: number, applicationId: string, paymentId: string): Promise<PaymentRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: paymentKey(gov, year, applicationId, paymentId), ConsistentRead: true }),
  );
  return Item ? strip<PaymentRecord>(Item) : undefined;
}

/** The payment requests of an application, in request order (ids sort by time). */
export async function paymentsOf(gov: string, year: number, applicationId: string): Promise<PaymentRecord[]> {
  return (await queryPrefix(yearPartition(gov, year), paymentPrefix(applicationId))).map((item) => strip<PaymentRecord>(item));
}

/** A recipient's own applications in every government (the index key is the recipient id: nobody else's comes back). */
export async function applicationsOfRecipient(recipientId: string): Promise<ApplicationRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': recipientIndexKey(recipientId) },
  });
  return items.map((item) => strip<ApplicationRecord>(item)).filter((record) => record.recipientId === recipientId);
}
