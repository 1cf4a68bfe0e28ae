import { apiHandler } from '#shared/http/api-handler.ts';
import { listDebts as readDebts } from '#shared/stores/debt/register.ts';
import { listDebts } from '#shared/routes/debt.ts';

export const handler = apiHandler(listDebts, async ({ params }) => {
  const items = await readDebts(params.gov);
  return { body: { items, outstandingTotal: items.reduce((sum, item) => sum + BigInt(item.outstanding), 0n) } };
});
