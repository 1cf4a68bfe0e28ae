import { sumWon } from '#shared/domain/budget/totals.ts';
import { totalsPartition } from '#shared/stores/budget/keys.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The nationwide total of a year: one item per government with a final budget (updated in the
 * finalising write), so the sum reads at most 243 small items and never a line.
 */
export async function nationalTotal(year: number) {
  const stored = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': totalsPartition(year) } });
  const items = stored.map((item) => ({
    gov: String(item.gov),
    version: Number(item.version),
    expenditureTotal: String(item.expenditureTotal),
    revenueTotal: String(item.revenueTotal),
  }));
  return {
    year,
    governments: items.length,
    expenditureTotal: sumWon(items.map((item) => item.expenditureTotal)),
    revenueTotal: sumWon(items.map((item) => item.revenueTotal)),
    items,
  };
}
