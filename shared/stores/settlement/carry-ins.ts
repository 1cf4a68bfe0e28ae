import type { CarryIns } from '#shared/domain/budget/control-sync.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { settlementPartition } from '#shared/stores/settlement/keys.ts';

/** The carry-ins (이월) into a year per line id, as the previous year's closing recorded them. */
export async function readCarryIns(gov: string, year: number): Promise<CarryIns> {
  const items = await queryPrefix(settlementPartition(gov, year), 'CARRYIN#', {
    ProjectionExpression: 'lineId, amount',
    ConsistentRead: true,
  });
  const carryIns = new Map<string, number>();
  for (const item of items) carryIns.set(String(item.lineId), (carryIns.get(String(item.lineId)) ?? 0) + Number(item.amount));
  return carryIns;
}
