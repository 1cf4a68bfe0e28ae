import { getGeneralProvisions as get } from '#shared/application/budget/put-general-provisions.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getGeneralProvisions } from '#shared/routes/budget.ts';

export const handler = apiHandler(getGeneralProvisions, async ({ params }) => ({
  body: await get(params.gov, params.year, params.version),
}));
