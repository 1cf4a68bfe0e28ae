import { apiHandler } from '#shared/http/api-handler.ts';
import { recordRepayment } from '#shared/stores/debt/repayments.ts';
import { recordDebtRepayment } from '#shared/routes/debt.ts';

export const handler = apiHandler(recordDebtRepayment, async ({ params, body, request }) => ({
  body: await recordRepayment(request, params.gov, params.debtId, body),
}));
