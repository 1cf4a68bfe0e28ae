import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { repaymentSchedule } from '#shared/domain/debt/schedule.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import { debtKey, debtPartition, debtTotalKey } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { debt, issueDebtBody } from '#shared/schemas/debt.ts';

export type DebtRecord = z.infer<typeof debt>;
export type IssueDebtInput = z.infer<typeof issueDebtBody>;

export const debtTarget = (gov: string, debtId: string): string => `debt ${gov}/${debtId}`;

/** The bond or borrowing with its generated schedule, the government's outstanding total and the audit record: one TransactWrite. */
export async function issueDebt(request: RequestInfo, gov: string, input: IssueDebtInput): Promise<DebtRecord> {
  const schedule = repaymentSchedule(input);
  if (!schedule.ok)
    throw unprocessable('invalid-repayment-schedule', schedule.reason, {
      rule: 'a schedule of whole-won instalments between issue and maturity',
    });
  const { installments: _installments, intervalMonths: _intervalMonths, ...terms } = input;
  const record: DebtRecord = {
    gov,
    ...terms,
    schedule: [...schedule.installments],
    repaid: 0,
    outstanding: input.principal,
    createdAt: request.receivedAt,
  };
  const outcome = await transactList([
    {
      Put: {
        TableName: tableName(),
        Item: { ...debtKey(gov, input.debtId), entity: 'debt', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: debtTotalKey(gov),
        UpdateExpression: 'SET entity = :entity, gov = :gov ADD outstanding :principal, debts :one',
        ExpressionAttributeValues: { ':entity': 'debt-total', ':gov': gov, ':principal': input.principal, ':one': 1 },
      },
    },
    auditPut(tableName(), auditRecord(request, { gov, operation: 'debt.issue', target: debtTarget(gov, input.debtId) })),
  ]);
  if (!outcome.ok)
    throw conflict('debt-exists', `government ${gov} already has debt ${input.debtId} in its register`, { debtId: input.debtId });
  return record;
}

export async function getDebt(gov: string, debtId: string): Promise<DebtRecord | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: debtKey(gov, debtId), ConsistentRead: true }));
  return Item ? toDebt(Item) : undefined;
}

export async function requireDebt(gov: string, debtId: string): Promise<DebtRecord> {
  const found = await getDebt(gov, debtId);
  if (!found) throw notFound('debt-not-found', `government ${gov} has no debt ${debtId} in its register`);
  return found;
}

export async function listDebts(gov: string): Promise<DebtRecord[]> {
  return (await queryPrefix(debtPartition(gov), 'DEBT#', { ConsistentRead: true })).map(toDebt);
}

function toDebt(item: Record<string, unknown>): DebtRecord {
  const { pk: _pk, sk: _sk, entity: _entity, ...record } = item;
  return record as DebtRecord;
}
