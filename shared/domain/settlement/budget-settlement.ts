import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { carryOverKinds } from '#shared/domain/settlement/carry-over.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report } from '#shared/domain/reports/report.ts';

/**
 * A budget line as the settlement reads it: the control counters of the year (budget's LINE# items
 * satisfy this shape as they are).
 */
export interface SettlementLine {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly fund: string;
  readonly itemCode: string;
  readonly dept: string;
  /** 예산현액: the final budget including the carry-in. */
  readonly budget: number;
  readonly committed: number;
  readonly paid: number;
  readonly assessed: number;
  readonly received: number;
  readonly refunded: number;
}

/**
 * 세입세출결산 per budget line, from the LINE# control counters and the recorded carry-overs.
 * Expenditure: 예산현액 (budget incl. carry-in) = 지출액 + 이월액 + 불용액.
 * Revenue: 수납액 is net of refunds (과오납 환급); 미수납액 = 징수결정액 − 수납액, not below zero.
 */
export function budgetSettlement(gov: string, year: number, lines: readonly SettlementLine[], carryOvers: readonly CarryOver[]): Report {
  const carried = new Map(carryOvers.map((c) => [c.lineId, c]));
  const sorted = [...lines].sort((a, b) => compare(a.fund, b.fund) || compare(a.lineId, b.lineId));
  const expenditure = sorted
    .filter((l) => l.kind === 'expenditure')
    .map((l) => {
      const carry = carried.get(l.lineId);
      const carriedAmount = BigInt(carry?.amount ?? 0);
      return {
        fund: l.fund,
        lineId: l.lineId,
        dept: l.dept,
        itemCode: l.itemCode,
        budget: BigInt(l.budget),
        committed: BigInt(l.committed),
        paid: BigInt(l.paid),
        carryOverKind: carry ? carryOverKinds[carry.kind] : '',
        carriedOver: carriedAmount,
        unused: BigInt(l.budget) - BigInt(l.paid) - carriedAmount,
      };
    });
  const revenue = sorted
    .filter((l) => l.kind === 'revenue')
    .map((l) => {
      const net = BigInt(l.received) - BigInt(l.refunded);
      const outstanding = BigInt(l.assessed) - net;
      return {
        fund: l.fund,
        lineId: l.lineId,
        itemCode: l.itemCode,
        budget: BigInt(l.budget),
        assessed: BigInt(l.assessed),
        received: BigInt(l.received),
        refunded: BigInt(l.refunded),
        netReceived: net,
        outstanding: outstanding > 0n ? outstanding : 0n,
      };
    });
  const sum = <T>(rows: readonly T[], pick: (row: T) => bigint) => rows.reduce((a, r) => a + pick(r), 0n);
  return {
    report: 'budget-settlement',
    title: reportTitles['budget-settlement'],
    gov,
    year,
    period: String(year),
    tables: [
      {
        id: 'expenditure',
        title: '세출결산',
        columns: [
          text('fund', '회계'),
          text('lineId', '예산과목'),
          text('dept', '부서'),
          text('itemCode', '통계목'),
          amount('budget', '예산현액'),
          amount('committed', '지출원인행위액'),
          amount('paid', '지출액'),
          text('carryOverKind', '이월구분'),
          amount('carriedOver', '이월액'),
          amount('unused', '불용액'),
        ],
        rows: expenditure,
      },
      {
        id: 'revenue',
        title: '세입결산',
        columns: [
          text('fund', '회계'),
          text('lineId', '예산과목'),
          text('itemCode', '세입과목'),
          amount('budget', '예산현액'),
          amount('assessed', '징수결정액'),
          amount('received', '수납액'),
          amount('refunded', '환급액'),
          amount('netReceived', '순수납액'),
          amount('outstanding', '미수납액'),
        ],
        rows: revenue,
      },
    ],
    totals: {
      expenditureBudget: sum(expenditure, (r) => r.budget),
      expenditurePaid: sum(expenditure, (r) => r.paid),
      carriedOver: sum(expenditure, (r) => r.carriedOver),
      unused: sum(expenditure, (r) => r.unused),
      revenueBudget: sum(revenue, (r) => r.budget),
      revenueAssessed: sum(revenue, (r) => r.assessed),
      revenueNetReceived: sum(revenue, (r) => r.netReceived),
    },
  };
}
