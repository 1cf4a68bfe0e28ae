import { recordBtlBalance as record } from '#shared/application/debt/record-btl-balance.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordBtlBalance } from '#shared/routes/debt.ts';

export const handler = apiHandler(recordBtlBalance, async ({ params, body, request }) => {
  const { posting, replay } = await record(request, params.gov, body);
  return { status: replay ? 200 : 201, body: posting };
});
