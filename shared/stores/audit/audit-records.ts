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

/**
 * Reads a government's audit records of a period, oldest first, one monthly partition after the
 * other (a Query each, never a Scan), until `limit` records are collected. `underException`: only the
 * changes made under a 겸직 exception (filtered in the Query; the partition is still read through).
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
    const pk = auditPartition(gov, month);
    do {
      const page = await dynamoClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ExpressionAttributeValues: { ':pk': pk, ':low': period.lowestKey, ':high': period.highestKey },
          Limit: limit - items.length,
          ...(underException ? { FilterExpression: 'attribute_exists(exceptionUses)' } : {}),
          ...(afterKey ? { ExclusiveStartKey: { pk, sk: afterKey } } : {}),
        }),
      );
      items.push(...(page.Items ?? []).map(toAuditRecord));
      afterKey = page.LastEvaluatedKey?.sk as string | undefined;
      if (items.length === limit) {
        if (afterKey) return { items, next: { month, afterKey } };
        const following = period.months[m + 1];
        return following ? { items, next: { month: following } } : { items };
      }
    } while (afterKey);
  }
  return { items };
}

function toAuditRecord(item: Record<string, unknown>): AuditRecord {
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
