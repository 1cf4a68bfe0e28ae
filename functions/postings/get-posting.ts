import { getPostingStatus } from '#shared/application/execution/get-posting.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getPosting } from '#shared/routes/execution.ts';

export const handler = apiHandler(getPosting, async ({ params }) => ({ body: await getPostingStatus(params.gov, params.postingId) }));
