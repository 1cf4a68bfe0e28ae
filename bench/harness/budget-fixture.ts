import { csvColumns } from '#shared/domain/budget/import-rows.ts';
import { createBudgetVersion, importBudgetLines, putAccount, putDepartment, transitionBudgetVersion } from '#shared/routes/budget.ts';
import { official } from './api-client.ts';
import type { Official } from './api-client.ts';
import type { LocalApi } from './local-api.ts';

/** The officials a budget needs, two budget officers for the 4-eyes rule. */
export interface BudgetOfficials {
  readonly budgetOfficer: Official;
  readonly otherBudgetOfficer: Official;
  readonly head: Official;
  readonly council: Official;
}

export async function budgetOfficials(api: LocalApi, gov: string): Promise<BudgetOfficials> {
  return {
    budgetOfficer: await official(api, { sub: `bench-bo1-${gov}`, roles: ['budget_officer'], gov }),
    otherBudgetOfficer: await official(api, { sub: `bench-bo2-${gov}`, roles: ['budget_officer'], gov }),
    head: await official(api, { sub: `bench-head-${gov}`, roles: ['head'], gov }),
    council: await official(api, { sub: `bench-council-${gov}`, roles: ['council_member'], gov }),
  };
}

/** The general account GEN and department D100, as every bench budget uses. */
export async function setUpStructure(officials: BudgetOfficials, gov: string): Promise<void> {
  await officials.budgetOfficer.call(putAccount, { params: { gov, account: 'GEN' }, body: { name: '일반회계', kind: 'general' } });
  await officials.budgetOfficer.call(putDepartment, { params: { gov, dept: 'D100' }, body: { name: '기획예산과' } });
}

type CsvColumn = (typeof csvColumns)[number];
/** One import CSV row in the order of `csvColumns`. */
export const csvRow = (values: Partial<Record<CsvColumn, string | number>>): string =>
  csvColumns.map((column) => values[column] ?? '').join(',');

/** `count` expenditure rows of GEN of `amount` won each (distinct 세부사업 codes, 201-01, 부문 016). */
export function expenditureCsvRows(count: number, amount: number): string[] {
  return Array.from({ length: count }, (_, n) =>
    csvRow({
      kind: 'expenditure',
      account: 'GEN',
      policyCode: `P${Math.floor(n / 1000)}`,
      policyName: '정책사업',
      unitCode: `U${Math.floor(n / 100)}`,
      unitName: '단위사업',
      detailCode: `D${n}`,
      detailName: '세부사업',
      statItem: '201-01',
      sector: '016',
      dept: 'D100',
      fundingSource: 'own-revenue',
      amount,
      mandatory: 'false',
    }),
  );
}

/**
 * The 일반회계's 예비비 row for `expenditure` won of other 세출: 1/100 of it (≤ 1% of the 세출 it
 * joins), as 지방재정법 §43① requires the 일반회계 to carry one (at least 1 won).
 */
export function reserveCsvRow(expenditure: number): { readonly row: string; readonly amount: number } {
  const amount = Math.max(1, Math.floor(expenditure / 100));
  const row = csvRow({
    kind: 'expenditure',
    account: 'GEN',
    policyCode: 'P09',
    policyName: '예비비',
    unitCode: 'U09',
    unitName: '예비비',
    detailCode: 'D099',
    detailName: '일반예비비',
    statItem: '801-01',
    sector: '016',
    dept: 'D100',
    fundingSource: 'own-revenue',
    amount,
    mandatory: 'false',
  });
  return { row, amount };
}

/**
 * A balanced budget as import CSV: lines − 1 expenditure lines of `amount` won (distinct 세부사업
 * codes), one revenue line carrying their total, and the 예비비 beside them (with its revenue).
 */
export function budgetCsv(lines: number, amount: number): string {
  const reserve = reserveCsvRow(amount * (lines - 1));
  const revenue = csvRow({
    kind: 'revenue',
    account: 'GEN',
    category: '1',
    item: 'ACQTAX',
    name: '취득세',
    dept: 'D100',
    amount: amount * (lines - 1) + reserve.amount,
  });
  return [csvColumns.join(','), ...expenditureCsvRows(lines - 1, amount), reserve.row, revenue].join('\n');
}

export interface OpenVersion {
  readonly number: number;
  revision: number;
}

export async function openOriginalVersion(officials: BudgetOfficials, gov: string, year: number): Promise<OpenVersion> {
  const created = await officials.budgetOfficer.call(createBudgetVersion, { params: { gov, year }, body: { kind: 'original' } });
  return { number: created.number, revision: created.revision };
}

export async function importCsv(officials: BudgetOfficials, gov: string, year: number, version: OpenVersion, csv: string): Promise<number> {
  const result = await officials.budgetOfficer.call(importBudgetLines, {
    params: { gov, year, version: version.number },
    body: { revision: version.revision, csv },
  });
  version.revision = result.revision;
  return result.lineCount;
}

/** request → adjust → submit → resolve → finalise, each by an official allowed to take it. */
export async function finalise(officials: BudgetOfficials, gov: string, year: number, version: OpenVersion): Promise<void> {
  const steps: [string, Official][] = [
    ['request', officials.budgetOfficer],
    ['adjust', officials.otherBudgetOfficer],
    ['submit', officials.head],
    ['resolve', officials.council],
    ['finalise', officials.head],
  ];
  for (const [action, by] of steps) {
    const result = await by.call(transitionBudgetVersion, {
      params: { gov, year, version: version.number },
      body: { action, revision: version.revision },
    });
    version.revision = result.revision;
  }
}
