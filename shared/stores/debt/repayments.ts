import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { repaymentProblem } from '#shared/domain/debt/repayment.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import { debtTarget, requireDebt } from '#shared/stores/debt/register.ts';
import { debtKey, debtPartition, debtTotalKey, entryPrefix, repaymentKey, reversalKey } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { debtEntry } from '#shared/schemas/debt.ts';

export type DebtEntry = z.infer<typeof debtEntry>;

/**
 * A principal repayment: the entry (new, under its business reference), the debt's repaid and
 * outstanding (conditional on outstanding ≥ amount, so concurrent repayments can never overpay),
 * the government's total and the audit record, in one TransactWrite.
 */
export async function recordRepayment(
  request: RequestInfo,
  gov: string,
  debtId: string,
  input: { reference: string; amount: number; date: string },
): Promise<DebtEntry> {
  const debt = await requireDebt(gov, debtId);
  if (input.date < debt.issueDate)
    throw unprocessable('repayment-before-issue', `a repayment on ${input.date} precedes the issue date ${debt.issueDate}`, {
      issueDate: debt.issueDate,
    });
  const tooMuch = repaymentProblem(debt.outstanding, input.amount, debtId);
  if (tooMuch) throw tooMuch;
  const entry: DebtEntry = {
    entryId: input.reference,
    type: 'repayment',
    amount: input.amount,
    date: input.date,
    recordedAt: request.receivedAt,
  };
  const outcome = await transactList(
    movement(
      request,
      gov,
      debtId,
      -input.amount,
      {
        Put: {
          TableName: tableName(),
          Item: { ...repaymentKey(gov, debtId, input.reference), entity: 'debt-entry', ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      'debt.repay',
    ),
  );
  if (!outcome.ok) {
    if (outcome.failed.includes(1))
      throw conflict('repayment-exists', `repayment ${input.reference} of ${debtId} is already recorded`, { reference: input.reference });
    const current = await requireDebt(gov, debtId);
    throw repaymentProblem(current.outstanding, input.amount, debtId) ?? new Error('repayment condition failed without a cause');
  }
  return entry;
}

/** Reverses a repayment with a new entry referring to it (the repayment itself is never changed); at most once. */
export async function reverseRepayment(request: RequestInfo, gov: string, debtId: string, reference: string): Promise<DebtEntry> {
  await requireDebt(gov, debtId);
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: repaymentKey(gov, debtId, reference), ConsistentRead: true }),
  );
  if (!Item) throw notFound('repayment-not-found', `debt ${debtId} has no repayment ${reference}`);
  const original = Item as DebtEntry;
  const entry: DebtEntry = {
    entryId: `${reference}#reversal`,
    type: 'reversal',
    amount: original.amount,
    date: request.receivedAt.slice(0, 10),
    reverses: reference,
    recordedAt: request.receivedAt,
  };
  const outcome = await transactList(
    movement(
      request,
      gov,
      debtId,
      original.amount,
      {
        Put: {
          TableName: tableName(),
          Item: { ...reversalKey(gov, debtId, reference), entity: 'debt-entry', ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      'debt.reverse-repayment',
    ),
  );
  if (!outcome.ok) throw conflict('repayment-already-reversed', `repayment ${reference} of ${debtId} is already reversed`, { reference });
  return entry;
}

/** The writes that move a debt's outstanding by `delta` (negative for a repayment) together with `entry`. */
function movement(
  request: RequestInfo,
  gov: string,
  debtId: string,
  delta: number,
  entry: TransactItem,
  operation: string,
): TransactItem[] {
  return [
    {
      Update: {
        TableName: tableName(),
        Key: debtKey(gov, debtId),
        UpdateExpression: 'ADD outstanding :delta, repaid :repaid',
        ConditionExpression: delta < 0 ? 'outstanding >= :amount' : 'repaid >= :amount',
        ExpressionAttributeValues: { ':delta': delta, ':repaid': -delta, ':amount': Math.abs(delta) },
      },
    },
    entry,
    {
      Update: {
        TableName: tableName(),
        Key: debtTotalKey(gov),
        UpdateExpression: 'ADD outstanding :delta',
        ExpressionAttributeValues: { ':delta': delta },
      },
    },
    auditPut(tableName(), auditRecord(request, { gov, operation, target: debtTarget(gov, debtId) })),
  ];
}

export async function entriesOf(gov: string, debtId: string): Promise<DebtEntry[]> {
  const items = await queryPrefix(debtPartition(gov), entryPrefix(debtId), { ConsistentRead: true });
  const entries = items.map(({ pk: _pk, sk: _sk, entity: _entity, ...entry }) => entry as DebtEntry);
  return entries.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.entryId.localeCompare(b.entryId));
}
