import type { VersionRecord } from '#shared/domain/budget/version.ts';
import type { RevenueLineAmount } from '#shared/domain/budget/net-total.ts';
import { versionLinesPartition } from '#shared/stores/budget/version.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';

/** A version's 세입 lines with what netting and the official indicators need: the 회계, category and sub-code (5-2, 7-3). */
export async function revenueLinesWithAccount(version: VersionRecord): Promise<RevenueLineAmount[]> {
  const items = await queryPrefix(versionLinesPartition(version), 'R.', {
    ProjectionExpression: '#account, #category, #revenueCode, #amount',
    ExpressionAttributeNames: { '#account': 'account', '#category': 'category', '#revenueCode': 'revenueCode', '#amount': 'amount' },
  });
  return items.map((item) => ({
    account: String(item.account),
    category: String(item.category),
    revenueCode: item.revenueCode === undefined ? undefined : String(item.revenueCode),
    amount: Number(item.amount),
  }));
}
