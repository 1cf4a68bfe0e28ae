import { requestClosing as queueClosing } from '#shared/application/settlement/request-closing.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { requestClosing } from '#shared/routes/settlement.ts';

export const handler = apiHandler(requestClosing, async ({ params, body, request }) => {
  const { period, messageId, unsettledAdvances } = await queueClosing(params.gov, params.year, body, request);
  return { body: { gov: params.gov, kind: body.kind, period: period.id, messageId, ...(unsettledAdvances ? { unsettledAdvances } : {}) } };
});
