import { recordRepayment } from '#shared/application/debt/record-repayment.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordDebtRepayment } from '#shared/routes/debt.ts';

export const handler = apiHandler(recordDebtRepayment, async ({ params, body, request }) => {
  const { posting, replay } = await recordRepayment(request, params.gov, params.debtId, body);
  return { status: replay ? 200 : 201, body: posting };
});
