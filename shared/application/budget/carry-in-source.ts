import type { CarryIn } from '#shared/domain/budget/control-sync.ts';

/**
 * Where budgeting reads the carry-ins (이월) into a year: settlement records them at the previous
 * year's closing, and settlement already depends on budgeting, so budgeting owns this interface
 * and the handlers pass settlement's reader in (no import from settlement here).
 */
export type CarryInSource = (gov: string, year: number) => Promise<readonly CarryIn[]>;
