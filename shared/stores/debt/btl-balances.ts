import { tableName } from '#shared/config/env.ts';
import type { BtlBalance } from '#shared/domain/debt/debt-at-date.ts';
import { debtPartition } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { getRecord, recordOf } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The BTL (임대형 민자사업) 순지방비 balances a government records for its 채무 (지방재정법 시행령 §65의2①2):
 *
 *   pk DEBT#{gov}   sk BTL#{reference}   one record, never changed: project, asOf, amount, who and when
 *
 * Beside the debt register (sk DEBT#…, ENTRY#…): a government's records grow with its BTL projects and the
 * dates it counts them at (a few a year), read whole by the debt ratio.
 */
export interface BtlBalanceRecord extends BtlBalance {
  readonly gov: string;
  readonly reference: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

const btlKey = (gov: string, reference: string) => ({ pk: debtPartition(gov), sk: `BTL#${reference}` });

export const getBtlBalance = (gov: string, reference: string): Promise<BtlBalanceRecord | undefined> => getRecord(btlKey(gov, reference));

/** Stores a record once under its reference. */
export const putBtlBalance = (record: BtlBalanceRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...btlKey(record.gov, record.reference), entity: 'btl-balance', ...record },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function listBtlBalances(gov: string): Promise<BtlBalanceRecord[]> {
  return (await queryPrefix(debtPartition(gov), 'BTL#', { ConsistentRead: true })).map((item) => recordOf<BtlBalanceRecord>(item));
}
