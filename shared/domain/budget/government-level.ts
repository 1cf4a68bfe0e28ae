import type { GovernmentLevel } from '#shared/domain/budget/deadlines.ts';
import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';

const levels = new Map(governmentsFromCodeTable().map((g) => [g.code, g.level]));

/** 시·도 or 시·군·구, from the registry's code table (validated government codes always have one). */
export function levelOf(gov: string): GovernmentLevel {
  const level = levels.get(gov);
  if (!level) throw new Error(`government ${gov} is not in the code table`);
  return level;
}
