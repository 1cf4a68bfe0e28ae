import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { addToCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { carryInKey, openingKey } from '#shared/stores/settlement/keys.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Opens year + 1 from the closed year: the opening balances (one item) and, per carried line, a
 * carry-in record; where next year's line already exists its 예산현액 (`budget`) and `carryIn`
 * grow by the carried amount in the same transaction. Each write is conditional on its record
 * being absent, so a rerun changes nothing.
 */
export async function carryForward(
  job: ClosingJob,
  opening: readonly OpeningBalance[],
  carryOvers: readonly CarryOver[],
  lines: readonly SettlementLine[],
  request: AuditedRequest,
): Promise<void> {
  const table = tableName();
  const { gov } = job;
  const next = job.period.year + 1;
  const audit = (operation: string, target: string) => auditPut(table, auditRecord(request, { gov, operation, target }));

  await writeOnce(
    {
      ...openingKey(gov, next),
      entity: 'opening-balances',
      gov,
      year: next,
      fromYear: job.period.year,
      balances: opening.map((b) => ({
        fund: b.fund,
        account: b.account,
        debit: b.debit.toString(),
        credit: b.credit.toString(),
        ...(b.counterpart ? { counterpart: b.counterpart } : {}),
      })),
    },
    [],
    audit('openYear', `opening-balances ${gov}/${next}`),
  );

  const lineOf = new Map(lines.map((l) => [l.lineId, l]));
  for (const carry of carryOvers) {
    const source = lineOf.get(carry.lineId);
    const { Item: nextLine } = await dynamoClient().send(
      new GetCommand({ TableName: table, Key: lineControlKey(gov, next, carry.lineId), ConsistentRead: true }),
    );
    const growNextLine = {
      Update: {
        TableName: table,
        Key: lineControlKey(gov, next, carry.lineId),
        UpdateExpression: 'ADD budget :amount, carryIn :amount',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':amount': carry.amount },
      },
    };
    await writeOnce(
      {
        ...carryInKey(gov, next, carry.lineId),
        entity: 'carry-in',
        gov,
        year: next,
        fromYear: job.period.year,
        lineId: carry.lineId,
        kind: carry.kind,
        amount: carry.amount,
        reason: carry.reason,
        fund: source?.fund ?? '',
        appliedToLine: nextLine !== undefined,
      },
      // next year's running 세출 예산현액 grows with the line (the nationwide execution rate's denominator)
      nextLine ? [growNextLine, addToCurrentBudget(gov, next, carry.amount, 'carry-in')] : [],
      audit('carryIn', `carry-in ${gov}/${next}/${carry.lineId}`),
    );
  }
}

/** The record (Put if absent), the writes that go with it and its audit record, all or nothing; an existing record changes nothing. */
async function writeOnce(record: Record<string, unknown>, withIt: readonly TransactItem[], audit: TransactItem): Promise<void> {
  const outcome = await transact({
    record: { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    withIt,
    audit,
  });
  if (!outcome.ok && !outcome.failed.has('record'))
    throw new Error(`writing ${String(record.sk)} failed: ${[...outcome.failed].join(', ')}`);
}
