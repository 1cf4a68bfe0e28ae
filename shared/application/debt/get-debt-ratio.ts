import { statutoryDebtAt } from '#shared/domain/debt/debt-at-date.ts';
import { debtRatio } from '#shared/domain/debt/debt-ratio.ts';
import { noProvisions } from '#shared/domain/budget/general-provisions.ts';
import { finalVersionOf } from '#shared/stores/disclosure/budget.ts';
import { listDebts } from '#shared/stores/debt/register.ts';
import { entriesOf } from '#shared/stores/debt/repayments.ts';
import { listBtlBalances } from '#shared/stores/debt/btl-balances.ts';

/**
 * 예산대비채무비율 of a government's year as of a date (default: the last day of the year): 채무 at
 * that date from the register's issues and repayments and the 채무부담행위 of the final version's
 * 예산총칙, over the year's 최종예산 (the final version's 세출 total, every 회계, 총계 [U: the scope of
 * the statutory 최종예산 was not found; indicators.md §3. Checked 2026-11-30: 지방재정법 제55조② (read)
 * leaves the 재정위험 indicators ("채무 등") and their measure to the 시행령, whose stored text in
 * legalize-kr is the 1994 one without them; 제87조의2④ (read) forbids leaving any debt out of the
 * count, which the numerator follows]). Never the debt of today applied to a year.
 */
export async function getDebtRatio(gov: string, year: number, asOf = `${year}-12-31`) {
  const { debt, version } = await statutoryDebtOf(gov, year, asOf);
  const budget = version === undefined ? null : version.totals.expenditure;
  const computed = budget === null ? { ratio: null, band: null, bandName: null } : debtRatio(debt.total, budget);
  return {
    gov,
    year,
    asOf,
    outstanding: debt.total,
    bondsAndBorrowings: debt.bondsAndBorrowings,
    debtBurdens: debt.debtBurdens,
    guaranteeLiability: debt.guaranteeLiability,
    btlNetLocalCost: debt.btlNetLocalCost,
    budget,
    version: version?.number ?? null,
    ...computed,
  };
}

/** A government's 채무 at `asOf` (with its recorded BTL balances) and the final version of `year` it reads the 채무부담행위 from. */
export async function statutoryDebtOf(gov: string, year: number, asOf: string) {
  const [debts, version, btl] = await Promise.all([listDebts(gov), finalVersionOf(gov, year), listBtlBalances(gov)]);
  const registered = await Promise.all(debts.map(async (debt) => ({ ...debt, entries: await entriesOf(gov, debt.debtId) })));
  return { debt: statutoryDebtAt(registered, (version?.provisions ?? noProvisions).debtBurdens, asOf, btl), version };
}
