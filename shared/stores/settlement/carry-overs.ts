import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { carryOverBreach } from '#shared/domain/settlement/carry-over.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { carryOverKey } from '#shared/stores/settlement/keys.ts';

export interface RecordedCarryOver extends CarryOver {
  readonly gov: string;
  readonly year: number;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/**
 * Records (or replaces) the carry-over of an expenditure line while its year is open, with the
 * audit record, in one transaction that also checks the line still has the budget and payments
 * the limit was computed from (carry-over ≤ budget − paid) and that the year is not closed.
 */
export async function recordCarryOver(gov: string, year: number, carryOver: CarryOver, request: RequestInfo): Promise<RecordedCarryOver> {
  const table = tableName();
  const { Item: line } = await dynamoClient().send(
    new GetCommand({ TableName: table, Key: lineControlKey(gov, year, carryOver.lineId), ConsistentRead: true }),
  );
  if (!line) throw notFound('budget-line-not-found', `budget line ${carryOver.lineId} of ${gov}/${year} does not exist`);
  if (line.kind !== 'expenditure')
    throw unprocessable('carry-over-expenditure-only', 'only expenditure lines are carried over', {
      lineId: carryOver.lineId,
      kind: line.kind,
    });
  const budget = Number(line.budget);
  const paid = Number(line.paid ?? 0);
  const breach = carryOverBreach({ budget, paid }, carryOver.amount);
  if (breach)
    throw unprocessable('carry-over-exceeds-available', `carry-over ${carryOver.amount} exceeds budget − paid = ${breach.available}`, {
      ...breach,
    });

  const recorded: RecordedCarryOver = {
    ...carryOver,
    gov,
    year,
    recordedBy: request.caller?.sub ?? 'anonymous',
    recordedAt: request.receivedAt,
  };
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: table, Key: closingKey(gov, year, 'YEAR'), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            ConditionCheck: {
              TableName: table,
              Key: lineControlKey(gov, year, carryOver.lineId),
              ConditionExpression: 'budget = :budget AND paid <= :paid',
              ExpressionAttributeValues: { ':budget': budget, ':paid': paid },
            },
          },
          { Put: { TableName: table, Item: { ...carryOverKey(gov, year, carryOver.lineId), entity: 'carry-over', ...recorded } } },
          auditPut(
            table,
            auditRecord(request, { gov, operation: 'recordCarryOver', target: `carry-over ${gov}/${year}/${carryOver.lineId}` }),
          ),
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed')
      throw conflict('year-closed', `fiscal year ${year} of ${gov} is closed; carry-overs can no longer change`, { gov, year });
    if (reasons?.[1]?.Code === 'ConditionalCheckFailed')
      throw conflict('budget-line-changed', `budget line ${carryOver.lineId} changed while the carry-over was checked; try again`, {
        lineId: carryOver.lineId,
      });
    throw error;
  }
  return recorded;
}
