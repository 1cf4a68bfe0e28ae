/** Sums of cash per fund, exact (bigint), for one government or the whole country. */
export interface FundCashTotal {
  readonly fund: string;
  readonly inflow: bigint;
  readonly outflow: bigint;
  readonly cash: bigint;
}

export function sumByFund(funds: readonly { fund: string; inflow: bigint; outflow: bigint }[]): FundCashTotal[] {
  const totals = new Map<string, { inflow: bigint; outflow: bigint }>();
  for (const { fund, inflow, outflow } of funds) {
    const total = totals.get(fund) ?? { inflow: 0n, outflow: 0n };
    total.inflow += inflow;
    total.outflow += outflow;
    totals.set(fund, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fund, { inflow, outflow }]) => ({ fund, inflow, outflow, cash: inflow - outflow }));
}
