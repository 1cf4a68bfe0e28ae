/**
 * 총계 and 순계 of budgets (indicators.md §4; budget-totals.md S25–S27):
 *   - 총계: the plain sum of every 회계's budget;
 *   - 순계: 총계 less the money counted twice: a government's transfers between its own 회계
 *     (전출금 ↔ 전입금, 지방회계법 시행령 / 회계기준규칙 제9조 내부거래 상계) and, over several governments,
 *     what one received from another in the set (시·도 → 시·군·구 조정교부금 and 시·도비보조금).
 * Each flow is read on the receiving 세입 line, which names it (7-3 전입금, 4 조정교부금등, 5-2
 * 시·도비보조금등); the paying side (700-group 전출금, 308 자치단체등이전) carries the same money and is
 * netted by the same amount, which keeps a balanced 순계 balanced [U: assumes the payer budgeted what
 * the receiver did; the paying lines also carry transfers to 교육청 and bodies outside the set, so
 * they cannot say what to remove].
 * 조정교부금 is a transfer between governments by law (지방재정법 제29조 시·군 조정교부금, 제29조의2
 * 자치구 조정교부금, 제29조의3 일반·특별조정교부금; articles read 2026-11-30): the 시·도 sets aside part of
 * its 보통세 for its 시·군 or 자치구, so nationwide it is budgeted twice (시·도 세출, 시·군·구 세입 category
 * 4) and the 순계 removes it once. Whether the ministry's published 순계 series nets exactly these flows
 * stays [U] (the 재정지표 are set by 행정안전부령, 제44조②1, not in legalize-kr).
 */
export interface RevenueLineAmount {
  readonly account: string;
  readonly category: string;
  readonly revenueCode?: string | undefined;
  readonly amount: number | bigint;
}

const hasCode = (line: RevenueLineAmount, code: string): boolean =>
  line.revenueCode === code || (line.revenueCode?.startsWith(`${code}-`) ?? false);

/** What a government received from another local government: 조정교부금등 (4) and 시·도비보조금등 (5-2). */
export function receivedFromOtherGovernments(lines: Iterable<RevenueLineAmount>): { adjustment: bigint; subsidy: bigint } {
  let adjustment = 0n;
  let subsidy = 0n;
  for (const line of lines) {
    if (line.category === '4') adjustment += BigInt(line.amount);
    else if (line.category === '5' && hasCode(line, '5-2')) subsidy += BigInt(line.amount);
  }
  return { adjustment, subsidy };
}

/** 전입금 (7-3) a government's 회계 received from its own other 회계. */
export const internalTransfersIn = (lines: Iterable<RevenueLineAmount>): bigint =>
  [...lines].reduce((sum, line) => (line.category === '7' && hasCode(line, '7-3') ? sum + BigInt(line.amount) : sum), 0n);

export interface GovernmentBudget {
  readonly gov: string;
  /** The 시·도 above a 시·군·구; empty for a 시·도. */
  readonly parentCode: string;
  readonly revenueTotal: bigint;
  readonly expenditureTotal: bigint;
  readonly revenue: readonly RevenueLineAmount[];
}

export interface NetTotals {
  readonly revenueTotal: bigint;
  readonly expenditureTotal: bigint;
  readonly internalTransfers: bigint;
  readonly intergovernmentalTransfers: bigint;
}

/** 총계 and 순계 of a set of governments' final budgets. */
export function grossAndNet(governments: readonly GovernmentBudget[]): { gross: NetTotals; net: NetTotals } {
  const members = new Set(governments.map((government) => government.gov));
  let revenueTotal = 0n;
  let expenditureTotal = 0n;
  let internalTransfers = 0n;
  let intergovernmentalTransfers = 0n;
  for (const government of governments) {
    revenueTotal += government.revenueTotal;
    expenditureTotal += government.expenditureTotal;
    internalTransfers += internalTransfersIn(government.revenue);
    if (members.has(government.parentCode)) {
      const received = receivedFromOtherGovernments(government.revenue);
      intergovernmentalTransfers += received.adjustment + received.subsidy;
    }
  }
  const netted = internalTransfers + intergovernmentalTransfers;
  return {
    gross: { revenueTotal, expenditureTotal, internalTransfers: 0n, intergovernmentalTransfers: 0n },
    net: {
      revenueTotal: revenueTotal - netted,
      expenditureTotal: expenditureTotal - netted,
      internalTransfers,
      intergovernmentalTransfers,
    },
  };
}
