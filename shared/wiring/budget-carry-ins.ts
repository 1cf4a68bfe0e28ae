import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { readCarryIns } from '#shared/stores/settlement/carry-ins.ts';

/**
 * Where two contexts meet: budget reads last year's carry-ins (이월) through `CarryInSource`, an
 * interface it owns, and settlement's store answers it. Budget never imports settlement (settlement
 * reads budget lines), so the handlers that write control items pass this to their use case.
 */
export const carryInSource: CarryInSource = async (gov, year) =>
  [...(await readCarryIns(gov, year))].map(([lineId, amount]) => ({ lineId, amount }));
