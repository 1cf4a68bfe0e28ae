import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { BalanceDelta } from '#shared/domain/ledger/balances.ts';

/**
 * Running balances of the accrual ledger, updated in the same atomic write as the postings:
 *
 *   pk LEDGER#{gov}#{year}   sk DAY#{yyyy-mm-dd}#{fund}#{account}   debit, credit (integer won, ADDed)
 *   pk LEDGER#{gov}#{year}   sk MONTH#{yyyy-mm}#{fund}#{account}    debit, credit
 *   attributes: gov, year, fund, account, period (DAY#… or MONTH#…), entity 'ledger-balance'
 *
 * For settlement: a day's totals are Query sk begins_with DAY#{date}#; a month's are the one
 * MONTH#{yyyy-mm}# prefix; the year total is Query sk begins_with MONTH# (at most 12 × funds ×
 * accounts items: hundreds, not the millions of postings). Trial balance: Σdebit = Σcredit over
 * the MONTH# items of a government and year. The journal lines of one day are the applied posting
 * records on gsi1 (gsi1pk JOURNAL#{gov}#{yyyy-mm-dd}, see posting-keys.ts).
 */
export const ledgerPartition = (gov: string, year: number): string => `LEDGER#${gov}#${year}`;
export const balanceKey = (gov: string, year: number, period: string, fund: string, account: string) => ({
  pk: ledgerPartition(gov, year),
  sk: `${period}#${fund}#${account}`,
});

/** The TransactWriteItems action that adds one balance delta. */
export function balanceUpdate(table: string, delta: BalanceDelta) {
  return {
    Update: {
      TableName: table,
      Key: balanceKey(delta.gov, delta.year, delta.period, delta.fund, delta.account),
      UpdateExpression:
        'ADD debit :debit, credit :credit SET entity = :entity, gov = :gov, #year = :year, fund = :fund, account = :account, period = :period',
      ExpressionAttributeNames: { '#year': 'year' },
      ExpressionAttributeValues: {
        ':debit': delta.debit,
        ':credit': delta.credit,
        ':entity': 'ledger-balance',
        ':gov': delta.gov,
        ':year': delta.year,
        ':fund': delta.fund,
        ':account': delta.account,
        ':period': delta.period,
      },
    },
  };
}

export interface LedgerBalance {
  readonly fund: string;
  readonly account: string;
  readonly period: string;
  readonly debit: bigint;
  readonly credit: bigint;
}

/** Balance items of a government and year whose sort key starts with `prefix` (e.g. "MONTH#", "DAY#2026-03-05#"). */
export async function readBalances(gov: string, year: number, prefix: string): Promise<LedgerBalance[]> {
  const balances: LedgerBalance[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': ledgerPartition(gov, year), ':prefix': prefix },
        ConsistentRead: true,
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) {
      balances.push({
        fund: String(item.fund),
        account: String(item.account),
        period: String(item.period),
        debit: BigInt(item.debit as number),
        credit: BigInt(item.credit as number),
      });
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return balances;
}
