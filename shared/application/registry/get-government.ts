import { notFound } from '#shared/domain/refusal.ts';
import { findGovernment } from '#shared/stores/registry/governments.ts';
import type { Government } from '#shared/schemas/registry.ts';

/** One government of the registry by its code; a code the registry does not hold is a 404. */
export async function getGovernment(code: string): Promise<Government> {
  const government = await findGovernment(code);
  if (!government) throw notFound('government-not-found', `government ${code} is not in the registry`);
  return government;
}
