import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The parts of a budget version besides its lines, approved with it (지방재정법 §40: 예산총칙,
 * 세입세출예산, 계속비, 채무부담행위, 명시이월비; §44의2①10 명시이월 명세서):
 *   - transferClauses: the 예산총칙 clauses that authorise 이용 between named 정책사업 of a 회계
 *     (지방재정법 §47의2①; without one, an 이용 is refused);
 *   - explicitCarryOvers: the 명시이월 list (지방재정법 §50①): only these lines may carry over as 명시이월;
 *   - continuingExpenditures: 계속비, the total and the yearly amounts, at most 5 years (지방재정법 §42①②);
 *   - debtBurdens: 채무부담행위 with its reason, year, amount and repayment (지방재정법 §44; 시행령 §49).
 */
export interface TransferClause {
  /** The clause as the 예산총칙 numbers it, e.g. "제5조". */
  readonly clause: string;
  readonly text: string;
  readonly account: string;
  /** 정책사업 codes money may leave. */
  readonly from: readonly string[];
  /** 정책사업 codes money may go to. */
  readonly to: readonly string[];
}

export interface ExplicitCarryOver {
  readonly lineId: string;
  readonly amount: number;
  readonly reason: string;
}

export interface ContinuingExpenditure {
  readonly id: string;
  readonly name: string;
  readonly lineId: string;
  readonly total: number;
  readonly years: readonly { readonly year: number; readonly amount: number }[];
  /** The 내용연수 of the works once completed (the default life at their completion, year-end-adjustments.ts). */
  readonly usefulLifeYears?: number;
}

export interface DebtBurden {
  readonly id: string;
  readonly purpose: string;
  readonly reason: string;
  readonly year: number;
  readonly amount: number;
  readonly repayments: readonly { readonly year: number; readonly amount: number }[];
}

export interface GeneralProvisions {
  readonly transferClauses: readonly TransferClause[];
  readonly explicitCarryOvers: readonly ExplicitCarryOver[];
  readonly continuingExpenditures: readonly ContinuingExpenditure[];
  readonly debtBurdens: readonly DebtBurden[];
}

export const noProvisions: GeneralProvisions = { transferClauses: [], explicitCarryOvers: [], continuingExpenditures: [], debtBurdens: [] };

/** The clause that authorises an 이용 of `account` from 정책사업 `from` to `to`, if any. */
export const authorisingClause = (provisions: GeneralProvisions, account: string, from: string, to: string): TransferClause | undefined =>
  provisions.transferClauses.find((c) => c.account === account && c.from.includes(from) && c.to.includes(to));

export function transferNotAuthorised(account: string, from: string, to: string, version: number): Refusal {
  return refusal(
    'unprocessable',
    'transfer-not-authorised',
    `no clause of the 예산총칙 of version ${version} authorises an 이용 in ${account} from 정책사업 ${from} to ${to}`,
    { rule: 'an 이용 needs a clause of the 예산총칙 the council approved', basis: '지방재정법 §47의2①', account, from, to, version },
  );
}

/**
 * Checks the parts against the version's lines: every line they name is in the version (an
 * expenditure line), 명시이월 ≤ the line's amount, 계속비 years run at most 5 years from the first
 * and add up to the total, 채무부담행위 repayments add up to the amount.
 */
export function provisionsRefusal(
  provisions: GeneralProvisions,
  lines: ReadonlyMap<string, { readonly kind: string; readonly amount: number }>,
): Refusal | undefined {
  const errors: { path: string; message: string }[] = [];
  const expenditure = (path: string, lineId: string) => {
    const line = lines.get(lineId);
    if (line?.kind !== 'expenditure') errors.push({ path, message: `the version has no expenditure line ${lineId}` });
    return line;
  };
  provisions.explicitCarryOvers.forEach((item, i) => {
    const line = expenditure(`explicitCarryOvers.${i}.lineId`, item.lineId);
    if (line && item.amount > line.amount)
      errors.push({ path: `explicitCarryOvers.${i}.amount`, message: `명시이월 ${item.amount} > the line's amount ${line.amount}` });
  });
  provisions.continuingExpenditures.forEach((item, i) => {
    expenditure(`continuingExpenditures.${i}.lineId`, item.lineId);
    const years = item.years.map((y) => y.year);
    const first = Math.min(...years);
    if (Math.max(...years) - first >= 5)
      errors.push({
        path: `continuingExpenditures.${i}.years`,
        message: '계속비 runs at most 5 years from its first year (지방재정법 §42②)',
      });
    if (new Set(years).size !== years.length) errors.push({ path: `continuingExpenditures.${i}.years`, message: 'a year appears twice' });
    const sum = item.years.reduce((s, y) => s + BigInt(y.amount), 0n);
    if (sum !== BigInt(item.total))
      errors.push({ path: `continuingExpenditures.${i}.total`, message: `the yearly amounts add up to ${sum}, not ${item.total}` });
  });
  provisions.debtBurdens.forEach((item, i) => {
    const sum = item.repayments.reduce((s, y) => s + BigInt(y.amount), 0n);
    if (sum !== BigInt(item.amount))
      errors.push({
        path: `debtBurdens.${i}.repayments`,
        message: `repayments add up to ${sum}, not ${item.amount} (지방재정법 시행령 §49)`,
      });
    if (item.repayments.some((r) => r.year < item.year))
      errors.push({ path: `debtBurdens.${i}.repayments`, message: 'a repayment year is before the year of the act' });
  });
  provisions.transferClauses.forEach((clause, i) => {
    if (clause.from.length === 0 || clause.to.length === 0)
      errors.push({ path: `transferClauses.${i}`, message: 'a clause names at least one source and one target 정책사업' });
  });
  if (errors.length === 0) return undefined;
  return {
    ...refusal('unprocessable', 'invalid-provisions', `${errors.length} part(s) of the 예산총칙 do not hold; \`errors\` names each`),
    errors,
  };
}
