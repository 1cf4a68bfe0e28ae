import { requireProgram } from '#shared/application/subsidy/common.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getSubsidyProgram } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(getSubsidyProgram, async ({ params }) => ({
  body: await requireProgram(params.gov, params.year, params.programId),
}));
