import { requireFinalVersion } from '#shared/application/disclosure/final-version.ts';
import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { grossIndicators } from '#shared/domain/disclosure/official-indicators.ts';
import { listAccounts } from '#shared/stores/budget/structure.ts';
import { revenueLinesWithAccount } from '#shared/stores/budget/revenue-lines.ts';
import { originalFinalVersionOf, revenueAmounts } from '#shared/stores/disclosure/budget.ts';

/**
 * The fiscal indicators (재정자립도 …) of a government's year, exact: the top-level figures over every
 * account of the final budget (as disclosed), and `official` on the ministry's basis (일반회계 of the
 * 당초예산, 총계; official-indicators.ts).
 */
export async function getIndicators(gov: string, year: number) {
  const version = await requireFinalVersion(gov, year);
  const [revenue, original, accounts] = await Promise.all([revenueAmounts(version), originalFinalVersionOf(gov, year), listAccounts(gov)]);
  const general = new Set(accounts.filter((account) => account.kind === 'general').map((account) => account.code));
  // requireFinalVersion found a final version, so the first final one exists.
  const originalVersion = original ?? version;
  const official = grossIndicators(await revenueLinesWithAccount(originalVersion), general);
  return {
    gov,
    year,
    version: version.number,
    ...indicatorsOf(revenue),
    official: { basis: '일반회계·당초예산·총계', version: originalVersion.number, ...official },
  };
}
