import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { finalVersionOf } from '#shared/stores/disclosure/budget.ts';

/** Open data changes only when a budget version becomes final: caches may keep it a few minutes. */
export const openDataHeaders = { 'cache-control': 'public, max-age=300' };

export async function requireFinalVersion(gov: string, year: number): Promise<VersionRecord> {
  const version = await finalVersionOf(gov, year);
  if (!version) throw notFound('no-final-budget', `government ${gov} has no final budget for ${year} yet`);
  return version;
}
