import { notFound } from '#shared/domain/refusal.ts';
import { readPostingStatus } from '#shared/stores/execution/posting-status.ts';

/** A posting's status (queued, applied or rejected) with its journal; 404 when the government has no such posting. */
export async function getPostingStatus(gov: string, postingId: string) {
  const status = await readPostingStatus(gov, postingId);
  if (!status) throw notFound('posting-not-found', `no posting ${postingId} in government ${gov}`);
  return status;
}
