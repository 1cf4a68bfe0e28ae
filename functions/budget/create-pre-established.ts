import { createPreEstablishedLine } from '#shared/application/budget/create-pre-established-line.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { createPreEstablished } from '#shared/routes/budget.ts';

export const handler = apiHandler(createPreEstablished, async ({ params, body, request }) => {
  const { posting, replay } = await createPreEstablishedLine(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: posting };
});
