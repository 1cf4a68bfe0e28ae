import { reverseRepayment } from '#shared/application/debt/reverse-repayment.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseDebtRepayment } from '#shared/routes/debt.ts';

export const handler = apiHandler(reverseDebtRepayment, async ({ params, request }) => ({
  body: (await reverseRepayment(request, params.gov, params.debtId, params.reference)).posting,
}));
