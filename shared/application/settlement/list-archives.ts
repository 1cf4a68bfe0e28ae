import { invalid } from '#shared/domain/refusal.ts';
import { listArchives as readArchives } from '#shared/stores/settlement/archive-index.ts';
import type { ArchiveFilter, ArchivePage } from '#shared/stores/settlement/archive-index.ts';

/** A page of archived reports (one government's, or the ministry's nationwide listing); a cursor continues only its own listing. */
export async function listArchives(filter: ArchiveFilter): Promise<ArchivePage> {
  const page = await readArchives(filter);
  if (page === 'foreign-cursor') throw invalid('invalid-cursor', 'the cursor does not continue this listing');
  return page;
}

/** The answer of both listing routes: a page of at most `limit` entries (50 unless asked) and the cursor of the next page, if any. */
export async function archiveListing(filter: Omit<ArchiveFilter, 'limit'> & { readonly limit?: number | undefined }) {
  const page = await listArchives({ ...filter, limit: filter.limit ?? 50 });
  return { items: page.items, ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
