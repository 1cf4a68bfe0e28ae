import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import type { CashActivity } from '#shared/domain/accounting/journal.ts';
import type { Ledger } from '#shared/domain/accounting/ledger.ts';
import { balancesByAccount } from '#shared/domain/accounting/statements/financial-position.ts';
import { sumBy } from '#shared/domain/sums.ts';

export interface FlowLine {
  readonly label: string;
  readonly amount: bigint;
}

/** 제37조②: inflows and outflows in gross, never netted against each other. */
export interface ActivityFlows {
  readonly inflows: readonly FlowLine[];
  readonly outflows: readonly FlowLine[];
  readonly net: bigint;
}

/**
 * 현금흐름표 (제35조–제37조): 경상·투자·재무활동 (제36조), then 기초현금 + 순현금흐름 = 기말현금
 * (제37조①). 현금 is 현금및현금성자산; `closingCashPerBooks` is the 재정상태표 figure, for the check.
 */
export interface CashFlowStatement {
  readonly operating: ActivityFlows;
  readonly investing: ActivityFlows;
  readonly financing: ActivityFlows;
  readonly netChange: bigint;
  readonly openingCash: bigint;
  readonly closingCash: bigint;
  readonly closingCashPerBooks: bigint;
}

export function cashFlowStatement(ledger: Ledger): CashFlowStatement {
  const activity = (which: CashActivity): ActivityFlows => {
    const totals = (sign: 1n | -1n) => {
      const byLabel = sumBy(
        ledger.cashFlows.filter((f) => f.activity === which && f.amount * sign > 0n),
        (f) => f.label,
        (f) => f.amount * sign,
      );
      return [...byLabel].map(([label, amount]) => ({ label, amount }));
    };
    const inflows = totals(1n);
    const outflows = totals(-1n);
    const sum = (xs: FlowLine[]) => xs.reduce((t, x) => t + x.amount, 0n);
    return { inflows, outflows, net: sum(inflows) - sum(outflows) };
  };
  const cash = accountWithRole('유동자산', 'cash').code;
  const operating = activity('operating');
  const investing = activity('investing');
  const financing = activity('financing');
  const netChange = operating.net + investing.net + financing.net;
  const openingCash = balancesByAccount(ledger.opening).get(cash) ?? 0n;
  return {
    operating,
    investing,
    financing,
    netChange,
    openingCash,
    closingCash: openingCash + netChange,
    closingCashPerBooks: balancesByAccount([...ledger.opening, ...ledger.period]).get(cash) ?? 0n,
  };
}
