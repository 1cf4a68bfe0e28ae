import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The record that a quarter's report of budget changes (전용 §49③, 이체 §47의2②) went to the council:
 *   pk CHANGEREPORTS#{gov}#{year}   sk {kind}#Q{quarter}   { submittedOn, reference, recordedAt, recordedBy }
 * Written once (apart from the CHANGES# partition, so a listing of changes never meets it).
 */
export interface QuarterlyReportRecord {
  readonly kind: string;
  readonly quarter: number;
  readonly submittedOn: string;
  readonly reference: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

const reportKey = (gov: string, year: number, kind: string, quarter: number) => ({
  pk: `CHANGEREPORTS#${gov}#${year}`,
  sk: `${kind}#Q${quarter}`,
});

export async function getQuarterlyReport(
  gov: string,
  year: number,
  kind: string,
  quarter: number,
): Promise<QuarterlyReportRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: reportKey(gov, year, kind, quarter), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    kind: String(Item.kind),
    quarter: Number(Item.quarter),
    submittedOn: String(Item.submittedOn),
    reference: String(Item.reference),
    recordedAt: String(Item.recordedAt),
    recordedBy: String(Item.recordedBy),
  };
}

/** Puts the record unless one exists for the kind and quarter. */
export function putQuarterlyReport(gov: string, year: number, record: QuarterlyReportRecord): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...reportKey(gov, year, record.kind, record.quarter), entity: 'change-report', gov, year, ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
