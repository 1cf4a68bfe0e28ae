import type { GovernmentRevenue } from '#shared/domain/disclosure/official-indicators.ts';
import { onGeneralAccounts } from '#shared/domain/disclosure/official-indicators.ts';
import { listAccounts } from '#shared/stores/budget/structure.ts';
import { revenueLinesWithAccount } from '#shared/stores/budget/revenue-lines.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { originalFinalVersionOf } from '#shared/stores/disclosure/budget.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { forEachParallel } from '#shared/stores/table/batch-write.ts';

export interface OfficialRevenue extends GovernmentRevenue {
  /** The 당초예산: the first version of the year to become final. */
  readonly version: number;
}

/**
 * Every government with a final budget for the year, on the official basis of the indicators: the
 * 일반회계 세입 lines of its 당초예산 (official-indicators.ts), with its 시·도. Reads each government's
 * versions, 회계 and lines, 16 governments at a time (grows with governments and lines, never postings).
 */
export async function officialRevenues(year: number): Promise<OfficialRevenue[]> {
  const [total, governments] = await Promise.all([nationalTotal(year), listGovernments()]);
  const parents = new Map(governments.map((government) => [government.code, government.parentCode ?? '']));
  const revenues: OfficialRevenue[] = [];
  await forEachParallel(total.items, 16, async ({ gov }) => {
    const [original, accounts] = await Promise.all([originalFinalVersionOf(gov, year), listAccounts(gov)]);
    if (!original) return;
    const general = new Set(accounts.filter((account) => account.kind === 'general').map((account) => account.code));
    const lines = onGeneralAccounts(await revenueLinesWithAccount(original), general);
    revenues.push({ gov, parentCode: parents.get(gov) ?? '', version: original.number, lines });
  });
  return revenues.sort((a, b) => a.gov.localeCompare(b.gov));
}
