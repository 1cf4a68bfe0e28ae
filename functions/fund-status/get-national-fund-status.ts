import codes from '#shared/data/government-codes.json' with { type: 'json' };
import { sumByFund, totalOfFunds } from '#shared/domain/execution/fund-totals.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { readFundStatuses } from '#shared/stores/execution/fund-status.ts';
import { getNationalFundStatus } from '#shared/routes/execution.ts';

export const handler = apiHandler(getNationalFundStatus, async ({ params }) => {
  const statuses = await readFundStatuses(codes, params.year);
  const funds = sumByFund(statuses.flatMap((status) => status.funds));
  return {
    body: { year: params.year, governments: statuses.filter((s) => s.funds.length > 0).length, funds, total: totalOfFunds(funds) },
  };
});
