import { debtRatio } from '#shared/domain/debt/debt-ratio.ts';
import type { DebtBand } from '#shared/domain/debt/debt-ratio.ts';
import type { ExactRatio } from '#shared/domain/disclosure/ratio.ts';

export interface RatioRow {
  readonly gov: string;
  readonly name: string;
  readonly outstanding: bigint;
  readonly budget: bigint | null;
  readonly ratio: ExactRatio | null;
  readonly band: DebtBand | null;
  readonly bandName: string | null;
}

/** The ministry's view: every government's debt ratio, band counts ("unknown" without a final budget) and the exact nationwide outstanding. */
export function nationalDebtView(
  governments: readonly { readonly code: string; readonly nameKo: string }[],
  outstanding: ReadonlyMap<string, bigint>,
  budgets: ReadonlyMap<string, bigint>,
) {
  const bands = { normal: 0, caution: 0, severe: 0, unknown: 0 };
  let outstandingTotal = 0n;
  const items = governments.map((government): RatioRow => {
    const debt = outstanding.get(government.code) ?? 0n;
    const budget = budgets.get(government.code) ?? null;
    outstandingTotal += debt;
    const computed = budget === null ? null : debtRatio(debt, budget);
    bands[computed?.band ?? 'unknown'] += 1;
    return {
      gov: government.code,
      name: government.nameKo,
      outstanding: debt,
      budget,
      ratio: computed?.ratio ?? null,
      band: computed?.band ?? null,
      bandName: computed?.bandName ?? null,
    };
  });
  return { outstandingTotal, bands, items };
}
