import { apiHandler } from '#shared/http/api-handler.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { readPostingStatus } from '#shared/stores/execution/posting-status.ts';
import { getPosting } from '#shared/routes/execution.ts';

export const handler = apiHandler(getPosting, async ({ params }) => {
  const status = await readPostingStatus(params.gov, params.postingId);
  if (!status) throw notFound('posting-not-found', `no posting ${params.postingId} in government ${params.gov}`);
  return { body: status };
});
