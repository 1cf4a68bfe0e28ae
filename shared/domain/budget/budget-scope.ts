/**
 * Which 회계 count in the 세입세출예산 and which stand outside it: a 기금 (「지방자치단체 기금관리기본법」
 * §2) is handled outside the 세입세출예산 (지방재정법 §34③, read in legalize-kr: "기금을 운용하는 경우 …
 * 세입ㆍ세출예산 외로 처리할 수 있다"), with its own 기금운용계획. So every total of the 세입세출예산 —
 * the year-end 세입세출결산 and the live 집행현황's execution rate — sums the other 회계 and shows the
 * 기금 apart (`fund…`), never mixed in. A 회계 is a 기금 when its budget account is of kind `fund`
 * (schemas/budget.ts `accountKinds`).
 */
export const FUND_ACCOUNT_KIND = 'fund';

/** The codes of the government's 회계 that are 기금 (outside the 세입세출예산). */
export function fundAccounts(accounts: Iterable<{ readonly code: string; readonly kind: string }>): ReadonlySet<string> {
  return new Set([...accounts].filter((a) => a.kind === FUND_ACCOUNT_KIND).map((a) => a.code));
}

/** Rows of the 세입세출예산 (`budget`) and rows of the 기금 (`fund`), each row by its 회계 (`fund` field). */
export function splitByScope<T extends { readonly fund: string }>(
  rows: readonly T[],
  funds: ReadonlySet<string>,
): { readonly budget: T[]; readonly fund: T[] } {
  return { budget: rows.filter((r) => !funds.has(r.fund)), fund: rows.filter((r) => funds.has(r.fund)) };
}

/** `expenditurePaid` → `fundExpenditurePaid`: the name of a 기금 total beside the 세입세출예산's. */
export const fundTotalName = (name: string): string => `fund${name[0]!.toUpperCase()}${name.slice(1)}`;

/**
 * Amounts kept per 회계 (a running 예산현액, a payments counter) summed into the 세입세출예산's total
 * (`budget`) and the 기금's (`fund`): the nationwide execution rate's scope, the same rule as the
 * 결산's and the live 집행현황's.
 */
export function sumByScope(amounts: ReadonlyMap<string, bigint>, funds: ReadonlySet<string>): { budget: bigint; fund: bigint } {
  const scopes = splitByScope(
    [...amounts].map(([fund, amount]) => ({ fund, amount })),
    funds,
  );
  const sum = (rows: readonly { amount: bigint }[]) => rows.reduce((total, row) => total + row.amount, 0n);
  return { budget: sum(scopes.budget), fund: sum(scopes.fund) };
}
