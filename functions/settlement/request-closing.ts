import { parsePeriod } from '#shared/domain/settlement/periods.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { unprocessable } from '#shared/domain/refusal.ts';
import { requestClosing as queueClosing } from '#shared/stores/settlement/closing-requests.ts';
import { requestClosing } from '#shared/routes/settlement.ts';

export const handler = apiHandler(requestClosing, async ({ params, body, request }) => {
  const period = parsePeriod(body.kind, body.period);
  if (!period || period.year !== params.year) {
    throw unprocessable('period-outside-year', `"${body.period}" is not a ${body.kind} period of fiscal year ${params.year}`, {
      kind: body.kind,
      period: body.period,
      year: params.year,
    });
  }
  const messageId = await queueClosing({ gov: params.gov, period }, request);
  return { body: { gov: params.gov, kind: body.kind, period: period.id, messageId } };
});
