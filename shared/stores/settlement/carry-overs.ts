import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AccidentGround, CarriedLine, CarryOver, CarryOverKind } from '#shared/domain/settlement/carry-over.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { carryOverKey, settlementPartition } from '#shared/stores/settlement/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

export interface RecordedCarryOver extends CarryOver {
  readonly gov: string;
  readonly year: number;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** The year's line a carry-over is checked against (budget's LINE# control item), if it exists. */
export async function readCarriedLine(gov: string, year: number, lineId: string): Promise<CarriedLine | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: lineControlKey(gov, year, lineId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const carriedFrom =
    Item.carryKind === undefined
      ? undefined
      : { carryKind: Item.carryKind as CarryOverKind, originYear: Number(Item.originYear), originLineId: String(Item.originLineId) };
  return {
    lineId,
    kind: Item.kind as CarriedLine['kind'],
    budget: Number(Item.budget),
    paid: Number(Item.paid ?? 0),
    committed: Number(Item.committed ?? 0),
    carriedFrom,
  };
}

/**
 * Writes (or replaces) the carry-over with its audit record, in one transaction that also checks
 * that the year is not closed (`yearOpen`) and that the line still has the budget, payments and
 * commitments the carry-over was checked against (`lineUnchanged`, which records the amount on the line).
 */
export function writeCarryOver(
  recorded: RecordedCarryOver,
  checked: CarriedLine,
  request: AuditedRequest,
): Promise<TransactOutcome<'yearOpen' | 'lineUnchanged' | 'carryOver' | 'audit'>> {
  const table = tableName();
  const { gov, year, lineId } = recorded;
  return transact({
    yearOpen: { ConditionCheck: { TableName: table, Key: closingKey(gov, year, 'YEAR'), ConditionExpression: 'attribute_not_exists(pk)' } },
    // The line keeps its carried amount (`carriedOver`): the 과년도 지출 cap of the next year reads the
    // line's 불용액 = 예산현액 − 지출액 − 이월액 from it (지방회계법 제37조).
    lineUnchanged: {
      Update: {
        TableName: table,
        Key: lineControlKey(gov, year, lineId),
        UpdateExpression: 'SET carriedOver = :carried',
        ConditionExpression: 'budget = :budget AND paid <= :paid AND (attribute_not_exists(committed) OR committed <= :committed)',
        ExpressionAttributeValues: {
          ':budget': checked.budget,
          ':paid': checked.paid,
          ':committed': checked.committed,
          ':carried': recorded.amount,
        },
      },
    },
    carryOver: { Put: { TableName: table, Item: { ...carryOverKey(gov, year, lineId), entity: 'carry-over', ...recorded } } },
    audit: auditPut(table, auditRecord(request, { gov, operation: 'recordCarryOver', target: `carry-over ${gov}/${year}/${lineId}` })),
  });
}

export async function readCarryOvers(gov: string, year: number): Promise<CarryOver[]> {
  return (await queryPrefix(settlementPartition(gov, year), 'CARRYOVER#', { ConsistentRead: true })).map((item) => ({
    lineId: String(item.lineId),
    kind: item.kind as CarryOverKind,
    amount: Number(item.amount),
    reason: String(item.reason),
    commitmentIds: (item.commitmentIds as string[] | undefined) ?? undefined,
    incidentalCosts: item.incidentalCosts === undefined ? undefined : Number(item.incidentalCosts),
    ground: (item.ground as AccidentGround | undefined) ?? undefined,
  }));
}
