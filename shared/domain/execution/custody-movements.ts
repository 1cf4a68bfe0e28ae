import type { Effect } from '#shared/domain/execution/snapshot.ts';

/**
 * 세입세출외현금 moved by a batch, per government, year and fund: what the 세입세출외현금 records
 * took in (`deposited`: amounts withheld on a payment, guarantees) and paid out (`released`:
 * remittances, returns). The fund status keeps it apart from budget cash: the fund's cash counts
 * withheld money (the pay journal credits 예수금, not 현금) until it is remitted, but it is held for
 * others and never spent for the government's purposes (지방재정법 제34조제3항; 시행령 제40조제1항·제2항). Each
 * movement belongs to the fiscal year of its own posting (회계령 제51조제1항).
 */
export interface CustodyMovement {
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly deposited: number;
  readonly released: number;
}

export function custodyMovements(
  postings: readonly { gov: string; year: number; fund: string; effects: readonly Effect[] }[],
): CustodyMovement[] {
  const byKey = new Map<string, CustodyMovement>();
  for (const { gov, year, fund, effects } of postings) {
    for (const effect of effects) {
      if (effect.kind !== 'custody') continue;
      const deposited = effect.deltas.deposited ?? 0;
      const released = effect.deltas.released ?? 0;
      if (deposited === 0 && released === 0) continue;
      const key = `${gov}|${year}|${fund}`;
      const previous = byKey.get(key);
      byKey.set(key, {
        gov,
        year,
        fund,
        deposited: (previous?.deposited ?? 0) + deposited,
        released: (previous?.released ?? 0) + released,
      });
    }
  }
  return [...byKey.values()];
}
