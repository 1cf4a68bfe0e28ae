import { listGovernments as readGovernments } from '#shared/stores/registry/governments.ts';
import type { Government } from '#shared/schemas/registry.ts';

export interface GovernmentFilter {
  readonly level?: Government['level'] | undefined;
  readonly parent?: string | undefined;
}

/** The registry, narrowed to one level and/or the governments under one parent. */
export async function listGovernments(filter: GovernmentFilter): Promise<Government[]> {
  return (await readGovernments()).filter(
    (g) => (filter.level === undefined || g.level === filter.level) && (filter.parent === undefined || g.parentCode === filter.parent),
  );
}
