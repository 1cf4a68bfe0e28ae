import { fieldOfSector } from '#shared/domain/budget/classification.ts';
import type { BudgetLine, BudgetLineInput } from '#shared/schemas/budget.ts';

/**
 * A line's id is its structural key, so the same line has the same id in every version of a year
 * (supplementary diffs and execution refer to one line):
 *
 *   expenditure  E.{account}.{정책사업}.{단위사업}.{세부사업}.{통계목}    e.g. E.GEN.P01.U01.D001.201-01
 *   revenue      R.{account}.{revenue category}.{세입 과목}             e.g. R.GEN.1.ACQTAX
 *
 * Codes cannot contain ".", so the id is unambiguous; names, amounts, department, 부문 and funding
 * source are attributes and may change between versions without changing the id.
 * Source: practice (the 과목 structure of 지방재정법 제41조 as a stable key).
 */
export function lineIdOf(line: BudgetLineInput): string {
  if (line.kind === 'expenditure') {
    return ['E', line.account, line.policyCode, line.unitCode, line.detailCode, line.statItem].join('.');
  }
  return ['R', line.account, line.category, line.item].join('.');
}

/** The stored form of a validated input line. */
export function toBudgetLine(line: BudgetLineInput): BudgetLine {
  if (line.kind === 'expenditure') {
    const field = fieldOfSector(line.sector);
    if (field === undefined) throw new Error(`sector ${line.sector} passed validation but has no field`);
    return { ...line, lineId: lineIdOf(line), field };
  }
  return { ...line, lineId: lineIdOf(line) };
}

/** The parts of an expenditure line id (E.{account}.{정책사업}.{단위사업}.{세부사업}.{통계목}), or undefined. */
export function expenditureIdParts(
  lineId: string,
): { account: string; policy: string; unit: string; detail: string; statItem: string } | undefined {
  const parts = lineId.split('.');
  if (parts.length !== 6 || parts[0] !== 'E') return undefined;
  const [, account, policy, unit, detail, statItem] = parts as [string, string, string, string, string, string];
  return { account, policy, unit, detail, statItem };
}

/**
 * The 정책사업 an expenditure line belongs to, as the key the 과년도 지출 cap is kept under (지방회계법
 * 제37조: "각 정책사업의 금액 중 불용금액"): `{account}.{정책사업}` of its id. A carried budget
 * (`{lineId}.C{year}{kind}`, carried-budget.ts) belongs to its origin line's 정책사업. A line whose id
 * does not have the structured form names no 정책사업 and is its own (practice: lines seeded or imported
 * without the 사업 structure).
 */
export function programOfLine(lineId: string): string {
  const parts = lineId.split('.');
  const [e, account, policy] = parts;
  return e === 'E' && parts.length >= 6 && account && policy ? `${account}.${policy}` : lineId;
}

/**
 * The names of a version's 정책사업 under the key `programOfLine` gives (`{account}.{정책사업}`): the
 * first expenditure line in id order names a code (lines of one 정책사업 repeat its name).
 */
export function programNames(lines: readonly BudgetLine[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of [...lines].sort((a, b) => a.lineId.localeCompare(b.lineId)))
    if (line.kind === 'expenditure' && !names.has(`${line.account}.${line.policyCode}`))
      names.set(`${line.account}.${line.policyCode}`, line.policyName);
  return names;
}
