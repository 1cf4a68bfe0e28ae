import { createProgram } from '#shared/application/subsidy/programs.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { createSubsidyProgram } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(createSubsidyProgram, async ({ params, body, request }) => ({
  body: await createProgram(request, params.gov, params.year, body),
}));
