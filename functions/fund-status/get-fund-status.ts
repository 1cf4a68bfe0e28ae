import { sumByFund } from '#shared/domain/execution/fund-totals.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { readFundStatus } from '#shared/stores/execution/fund-status.ts';
import { getFundStatus } from '#shared/routes/execution.ts';

export const handler = apiHandler(getFundStatus, async ({ params }) => {
  const status = await readFundStatus(params.gov, params.year);
  return { body: { gov: params.gov, year: params.year, funds: sumByFund(status.funds), updatedAt: status.updatedAt ?? null } };
});
