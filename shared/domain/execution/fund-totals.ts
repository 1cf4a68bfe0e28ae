/**
 * Sums of cash per fund, exact (bigint), for one government or the whole country. `cash` is all the
 * fund's cash (inflow − outflow); of it, `custodyCash` is 세입세출외현금 (deposited − released:
 * withheld amounts not yet remitted, guarantees), held for others and never spent for the
 * government's purposes (지방재정법 제34조제3항; 시행령 제40조제2항), and `budgetCash` the rest,
 * the 세입·세출 cash the budget may spend. Source: practice (자금현황: 세입세출 현금과 세입세출외현금 구분).
 */
export interface FundCashTotal {
  readonly fund: string;
  readonly inflow: bigint;
  readonly outflow: bigint;
  readonly cash: bigint;
  readonly budgetCash: bigint;
  readonly custodyCash: bigint;
}

export interface FundCashInput {
  readonly fund: string;
  readonly inflow: bigint;
  readonly outflow: bigint;
  readonly custodyIn: bigint;
  readonly custodyOut: bigint;
}

export function sumByFund(funds: readonly FundCashInput[]): FundCashTotal[] {
  const totals = new Map<string, { inflow: bigint; outflow: bigint; custody: bigint }>();
  for (const { fund, inflow, outflow, custodyIn, custodyOut } of funds) {
    const total = totals.get(fund) ?? { inflow: 0n, outflow: 0n, custody: 0n };
    total.inflow += inflow;
    total.outflow += outflow;
    total.custody += custodyIn - custodyOut;
    totals.set(fund, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fund, { inflow, outflow, custody }]) => {
      const cash = inflow - outflow;
      return { fund, inflow, outflow, cash, budgetCash: cash - custody, custodyCash: custody };
    });
}

/** The sum over funds (a fund's figures without its name). */
export function totalOfFunds(funds: readonly FundCashTotal[]): Omit<FundCashTotal, 'fund'> {
  const zero = { inflow: 0n, outflow: 0n, cash: 0n, budgetCash: 0n, custodyCash: 0n };
  return funds.reduce(
    (sum, f) => ({
      inflow: sum.inflow + f.inflow,
      outflow: sum.outflow + f.outflow,
      cash: sum.cash + f.cash,
      budgetCash: sum.budgetCash + f.budgetCash,
      custodyCash: sum.custodyCash + f.custodyCash,
    }),
    zero,
  );
}
