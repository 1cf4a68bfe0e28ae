import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { getVersion, getYear, listVersions, versionLinesPartition } from '#shared/stores/budget/version.ts';
import { forEachParallel } from '#shared/stores/table/batch-write.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

/**
 * What disclosure reads of a final budget: the lines of the year's final version (the budget as
 * the council passed it; 분야 is an attribute of the lines only). Revenue lines have ids "R.…" and
 * expenditure lines "E.…", so each kind is one key-range Query that never reads the other.
 */
export interface RevenueAmount {
  readonly category: string;
  readonly amount: number;
}
export interface ExpenditureAmount {
  readonly field: string;
  readonly amount: number;
}

export async function finalVersionOf(gov: string, year: number): Promise<VersionRecord | undefined> {
  const { finalVersion } = await getYear(gov, year);
  return finalVersion === undefined ? undefined : getVersion(gov, year, finalVersion);
}

export async function revenueAmounts(version: VersionRecord): Promise<RevenueAmount[]> {
  const items = await queryLines(version, 'R.', 'category');
  return items.map((item) => ({ category: String(item.category), amount: Number(item.amount) }));
}

export async function expenditureAmounts(version: VersionRecord): Promise<ExpenditureAmount[]> {
  const items = await queryLines(version, 'E.', 'field');
  return items.map((item) => ({ field: String(item.field), amount: Number(item.amount) }));
}

/** 당초예산: the first version of the year to become final (later finals are 추경). */
export async function originalFinalVersionOf(gov: string, year: number): Promise<VersionRecord | undefined> {
  const finals = (await listVersions(gov, year)).filter((version) => version.state === 'final');
  return finals.reduce<VersionRecord | undefined>(
    (first, version) => (first && first.number < version.number ? first : version),
    undefined,
  );
}

function queryLines(version: VersionRecord, prefix: string, attribute: string): Promise<Item[]> {
  return queryPrefix(versionLinesPartition(version), prefix, {
    ProjectionExpression: '#attribute, #amount',
    ExpressionAttributeNames: { '#attribute': attribute, '#amount': 'amount' },
  });
}

export interface FinalRevenue {
  readonly version: number;
  readonly revenue: RevenueAmount[];
}

/**
 * The revenue lines of every government with a final budget for the year: the nationwide totals
 * partition names them and their final version (one item each), then each government's revenue
 * lines are read, 16 governments at a time.
 */
export async function nationwideFinalRevenue(year: number): Promise<Map<string, FinalRevenue>> {
  const { items } = await nationalTotal(year);
  const revenues = new Map<string, FinalRevenue>();
  await forEachParallel(items, 16, async ({ gov, version: number }) => {
    const version = await getVersion(gov, year, number);
    if (version?.state !== 'final') return;
    revenues.set(gov, { version: number, revenue: await revenueAmounts(version) });
  });
  return revenues;
}
