import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { readCarryIns } from '#shared/stores/settlement/carry-ins.ts';

/**
 * Settlement's carry-ins in the shape budgeting reads them (not a handler: the handlers that write
 * control items pass it to their use case). While settlement's reader still answers a per-line map,
 * it is turned into rows here; once it answers rows, this is `readCarryIns` itself.
 */
export const carryInSource: CarryInSource = async (gov, year) =>
  [...(await readCarryIns(gov, year))].map(([lineId, amount]) => ({ lineId, amount }));
