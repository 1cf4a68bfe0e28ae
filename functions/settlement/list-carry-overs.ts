import { apiHandler } from '#shared/http/api-handler.ts';
import { readCarryOvers } from '#shared/stores/settlement/carry-overs.ts';
import { listCarryOvers } from '#shared/routes/settlement.ts';

export const handler = apiHandler(listCarryOvers, async ({ params }) => {
  const items = await readCarryOvers(params.gov, params.year);
  return { body: { items: items.map((c) => ({ gov: params.gov, year: params.year, ...c })) } };
});
