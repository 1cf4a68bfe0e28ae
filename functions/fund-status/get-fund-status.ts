import { sumByFund, totalOfFunds } from '#shared/domain/execution/fund-totals.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { readFundStatus } from '#shared/stores/execution/fund-status.ts';
import { getFundStatus } from '#shared/routes/execution.ts';

export const handler = apiHandler(getFundStatus, async ({ params }) => {
  const status = await readFundStatus(params.gov, params.year);
  const funds = sumByFund(status.funds);
  return { body: { gov: params.gov, year: params.year, funds, total: totalOfFunds(funds), updatedAt: status.updatedAt ?? null } };
});
