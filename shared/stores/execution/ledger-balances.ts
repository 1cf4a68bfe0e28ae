import { dimensionKey } from '#shared/domain/ledger/balances.ts';
import type { BalanceDelta, BalanceDimensions } from '#shared/domain/ledger/balances.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';

/**
 * Running balances of the accrual ledger, updated in the same atomic write as the postings:
 *
 *   pk LEDGER#{gov}#{year}   sk DAY#{yyyy-mm-dd}#{fund}#{account}[#{dimensions}]   debit, credit (integer won, ADDed)
 *   pk LEDGER#{gov}#{year}   sk MONTH#{yyyy-mm}#{fund}#{account}[#{dimensions}]    debit, credit
 *   attributes: gov, year, fund, account, period (DAY#… or MONTH#…), entity 'ledger-balance', and the
 *   dimensions the statements need (balances.ts): function, counterpart, cashActivity, cashLabel,
 *   cashCounterpart (empty strings where none applies; the key then has no dimension part)
 *
 * For settlement: a day's totals are Query sk begins_with DAY#{date}#; a month's are the one
 * MONTH#{yyyy-mm}# prefix; the year total is Query sk begins_with MONTH# (at most 12 × funds ×
 * accounts × dimension values items: they grow with lines and accounts, not the millions of postings). Trial balance: Σdebit = Σcredit over
 * the MONTH# items of a government and year. The journal lines of one day are the applied posting
 * records on gsi1 (gsi1pk JOURNAL#{gov}#{yyyy-mm-dd}, see posting-keys.ts).
 */
export const ledgerPartition = (gov: string, year: number): string => `LEDGER#${gov}#${year}`;
export const balanceKey = (gov: string, year: number, period: string, fund: string, account: string, dims: BalanceDimensions) => {
  const dimensions = dimensionKey(dims);
  return { pk: ledgerPartition(gov, year), sk: `${period}#${fund}#${account}${dimensions === '' ? '' : `#${dimensions}`}` };
};

/** The TransactWriteItems action that adds one balance delta. */
export function balanceUpdate(table: string, delta: BalanceDelta) {
  return {
    Update: {
      TableName: table,
      Key: balanceKey(delta.gov, delta.year, delta.period, delta.fund, delta.account, delta),
      UpdateExpression:
        'ADD debit :debit, credit :credit SET entity = :entity, gov = :gov, #year = :year, fund = :fund, account = :account, period = :period, ' +
        '#function = :function, counterpart = :counterpart, cashActivity = :cashActivity, cashLabel = :cashLabel, cashCounterpart = :cashCounterpart',
      ExpressionAttributeNames: { '#year': 'year', '#function': 'function' },
      ExpressionAttributeValues: {
        ':debit': delta.debit,
        ':credit': delta.credit,
        ':entity': 'ledger-balance',
        ':gov': delta.gov,
        ':year': delta.year,
        ':fund': delta.fund,
        ':account': delta.account,
        ':period': delta.period,
        ':function': delta.function,
        ':counterpart': delta.counterpart,
        ':cashActivity': delta.cashActivity,
        ':cashLabel': delta.cashLabel,
        ':cashCounterpart': delta.cashCounterpart,
      },
    },
  };
}

export interface LedgerBalance extends BalanceDimensions {
  readonly fund: string;
  readonly account: string;
  readonly period: string;
  readonly debit: bigint;
  readonly credit: bigint;
}

/** Balance items of a government and year whose sort key starts with `prefix` (e.g. "MONTH#", "DAY#2026-03-05#"). */
export async function readBalances(gov: string, year: number, prefix: string): Promise<LedgerBalance[]> {
  const items = await queryPrefix(ledgerPartition(gov, year), prefix, { ConsistentRead: true });
  return items.map((item) => ({
    fund: String(item.fund),
    account: String(item.account),
    period: String(item.period),
    ...dimensionsOf(item),
    debit: BigInt(item.debit as number),
    credit: BigInt(item.credit as number),
  }));
}

/** The dimensions of a stored balance item (items written before they existed have none). */
export const dimensionsOf = (item: Record<string, unknown>): BalanceDimensions => ({
  function: String(item.function ?? ''),
  counterpart: String(item.counterpart ?? ''),
  cashActivity: String(item.cashActivity ?? ''),
  cashLabel: String(item.cashLabel ?? ''),
  cashCounterpart: String(item.cashCounterpart ?? ''),
});
