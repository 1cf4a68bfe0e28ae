import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseRepayment } from '#shared/stores/debt/repayments.ts';
import { reverseDebtRepayment } from '#shared/routes/debt.ts';

export const handler = apiHandler(reverseDebtRepayment, async ({ params, request }) => ({
  body: await reverseRepayment(request, params.gov, params.debtId, params.reference),
}));
