import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { finalVersionOf } from '#shared/stores/disclosure/budget.ts';

/** The year's final budget version, which is all open data discloses; without one there is nothing to show (404). */
export async function requireFinalVersion(gov: string, year: number): Promise<VersionRecord> {
  const version = await finalVersionOf(gov, year);
  if (!version) throw notFound('no-final-budget', `government ${gov} has no final budget for ${year} yet`);
  return version;
}
