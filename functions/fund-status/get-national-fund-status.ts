import governments from '#shared/data/local-governments.json' with { type: 'json' };
import { sumByFund } from '#shared/domain/execution/fund-totals.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { readFundStatuses } from '#shared/stores/execution/fund-status.ts';
import { getNationalFundStatus } from '#shared/routes/execution.ts';

const codes = governments.map((g) => g.code);

export const handler = apiHandler(getNationalFundStatus, async ({ params }) => {
  const statuses = await readFundStatuses(codes, params.year);
  const funds = sumByFund(statuses.flatMap((status) => status.funds));
  const total = funds.reduce((sum, f) => ({ inflow: sum.inflow + f.inflow, outflow: sum.outflow + f.outflow, cash: sum.cash + f.cash }), {
    inflow: 0n,
    outflow: 0n,
    cash: 0n,
  });
  return { body: { year: params.year, governments: statuses.filter((s) => s.funds.length > 0).length, funds, total } };
});
