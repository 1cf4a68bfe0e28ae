import { apiHandler } from '#shared/http/api-handler.ts';
import { requireDebt } from '#shared/application/debt/require-debt.ts';
import { entriesOf } from '#shared/stores/debt/repayments.ts';
import { getDebt } from '#shared/routes/debt.ts';

export const handler = apiHandler(getDebt, async ({ params }) => {
  const [debt, entries] = await Promise.all([requireDebt(params.gov, params.debtId), entriesOf(params.gov, params.debtId)]);
  return { body: { ...debt, entries } };
});
