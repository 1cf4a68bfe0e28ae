import { budgetComponents } from '#shared/domain/budget/budget-components.ts';
import { fundTotalName, splitByScope } from '#shared/domain/budget/budget-scope.ts';
import type { BudgetComponents } from '#shared/domain/budget/budget-components.ts';
import { nameOfEconomicCode, nameOfRevenueCategory } from '#shared/domain/budget/classification.ts';
import { diversionRows } from '#shared/domain/budget/diversion-statement.ts';
import { expenditureIdParts } from '#shared/domain/budget/line-id.ts';
import type { DiversionRecord } from '#shared/domain/budget/diversion-statement.ts';
import type { ExplicitCarryOver } from '#shared/domain/budget/general-provisions.ts';
import { reserveUseRows } from '#shared/domain/budget/reserve-use-statement.ts';
import type { ReserveUseRecord } from '#shared/domain/budget/reserve-use-statement.ts';
import type { CarryOver, CarryOverKind } from '#shared/domain/settlement/carry-over.ts';
import { carryOverStatement, explicitCarryOverExecution } from '#shared/domain/settlement/carry-over-statements.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report } from '#shared/domain/reports/report.ts';

import { noCollectors, openingReceivablesByCollector, outstandingByCollector } from '#shared/domain/settlement/receivables-by-collector.ts';
import type { CollectorFigures } from '#shared/domain/settlement/receivables-by-collector.ts';
/**
 * A budget line as the settlement reads it: the control counters of the year (budget's LINE# items
 * satisfy this shape as they are).
 */
export interface SettlementLine extends BudgetComponents {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly fund: string;
  readonly itemCode: string;
  readonly dept: string;
  /** 전년도이월액: the part of `budget` carried in from last year's closing (always on a settlement line). */
  readonly carryIn: number;
  readonly committed: number;
  readonly paid: number;
  readonly assessed: number;
  readonly received: number;
  readonly refunded: number;
  /** 불납결손액: what was written off on the line (the 과년도 receivables a year writes off land on its line). */
  readonly writtenOff?: number;
}

/** 세계잉여금 and 순세계잉여금 of one 회계 (지방재정법 제51조, practice for the figures). */
export interface FundSurplus {
  readonly fund: string;
  /** 수납액, net of 과오납 환급. */
  readonly received: bigint;
  /** 지출액. */
  readonly paid: bigint;
  /** 세계잉여금 = 수납액 − 지출액. */
  readonly surplus: bigint;
  /** 다음연도이월액 (명시·사고·계속비이월). */
  readonly carriedOver: bigint;
  /** 순세계잉여금 = 세계잉여금 − 다음연도이월액 (보조금 반환금 and the like are not recorded yet). */
  readonly netSurplus: bigint;
}

export function surplusByFund(lines: readonly SettlementLine[], carryOvers: readonly CarryOver[]): FundSurplus[] {
  const fundOf = new Map(lines.map((l) => [l.lineId, l.fund]));
  const funds = [...new Set(lines.map((l) => l.fund))].sort(compare);
  return funds.map((fund) => {
    const of = lines.filter((l) => l.fund === fund);
    const received = of.filter((l) => l.kind === 'revenue').reduce((s, l) => s + BigInt(l.received) - BigInt(l.refunded), 0n);
    const paid = of.filter((l) => l.kind === 'expenditure').reduce((s, l) => s + BigInt(l.paid), 0n);
    const carriedOver = carryOvers.filter((c) => fundOf.get(c.lineId) === fund).reduce((s, c) => s + BigInt(c.amount), 0n);
    return { fund, received, paid, surplus: received - paid, carriedOver, netSurplus: received - paid - carriedOver };
  });
}

/** Names of the codes the rows carry, for the printed forms (통계목 and 세입과목 from the code tables). */
const namesOf = (rows: readonly { itemCode: string }[], nameOf: (code: string) => string): Record<string, string> =>
  Object.fromEntries(rows.map((r) => [r.itemCode, nameOf(r.itemCode)]));

/**
 * Names of the government's own codes the 결산 prints beside them: 부서 (the budget structure's
 * departments) and 정책사업 (the final version's lines: 정책사업 code → name; the first line in id
 * order names a code that two 회계 share). Absent names print as an empty name column.
 */
export interface CodeNames {
  readonly departments?: Readonly<Record<string, string>>;
  readonly programs?: Readonly<Record<string, string>>;
}

/** The names of the codes one column of the rows carries (only those: the archive names what it prints). */
const namesFor = <K extends string>(rows: readonly Record<K, string>[], key: K, names: Readonly<Record<string, string>>) =>
  Object.fromEntries(rows.filter((r) => names[r[key]] !== undefined).map((r) => [r[key], names[r[key]] as string]));

const kinds: readonly CarryOverKind[] = ['explicit', 'accident', 'continuing'];

const big = (value: number | undefined): bigint => BigInt(value ?? 0);
const sum = <T>(rows: readonly T[], pick: (row: T) => bigint) => rows.reduce((a, r) => a + pick(r), 0n);

/** 예산현액 split into its statutory parts (budget-components.ts), 예산액 under the 결산's name `original`. */
function settlementComponents(l: SettlementLine) {
  const { enacted, ...rest } = budgetComponents(l);
  return { original: enacted, ...rest };
}

/**
 * 세입세출결산 (지방회계법 제7조; 지방재정법 제50조 이월) per budget line, from the LINE# control
 * counters and the recorded carry-overs, with the statutory columns the data supports today:
 *   세출: 예산액, 전년도이월액, 이용·전용·이체 증감액, 예비비지출액, 성립전예산액, 예산현액 (= the sum
 *         of those: 지방재정법 §43, §45, §47의2, §49 and §50 name each; 회계령 §12② for the 결산 items;
 *         the exact column order of the 결산서 is practice [U]), 지출원인행위액, 지출액 (of which
 *         과목경정 증감), 다음연도이월액 by kind (명시·사고·계속비), 불용액 = 예산현액 − 지출액 − 다음연도이월액.
 *         전용 amounts must appear in the 결산서 with their reasons (지방재정법 §49④): the 전용 column per
 *         line, and the 예산전용조서 table listing each 전용 (and reversal) with its amount and reason.
 *   세입: 예산액, 징수결정액, 수납액 (net of 과오납 환급), 불납결손액, 미수납액 = 징수결정액 − 수납액 −
 *         불납결손액 (not below 0): 징수결정액 = 수납액 + 불납결손액 + 미수납액 (practice of the 세입결산서;
 *         회계령 §12② sub-items [U]): a receivable written off is no longer 미수납.
 *   totals: of the 세입세출예산 only; the 기금 (`funds`: 회계 of kind fund, 기금관리기본법 §2) are handled
 *         outside it (지방재정법 §34③, read in legalize-kr) and totalled apart as `fund…`. Their lines stay
 *         in the tables, under their own 회계.
 *   per 회계: 세계잉여금 and 순세계잉여금.
 *   attached (지방회계법 제17조제1항제3호): the 이월 명세서 and the 명시이월비 집행 명세서 (carry-over-statements.ts).
 *   by 징수관 (receivables-by-collector.ts): the year's 미수납액 per 징수관 and line, and the receivables
 *         the year opened with (last year's 미수납액) per 징수관, with what 과년도 수입 and 불납결손 settled.
 */
export function budgetSettlement(
  gov: string,
  year: number,
  lines: readonly SettlementLine[],
  carryOvers: readonly CarryOver[],
  fundNames: Readonly<Record<string, string>> = {},
  diversions: readonly DiversionRecord[] = [],
  explicitApproved: readonly ExplicitCarryOver[] = [],
  reserveUses: readonly ReserveUseRecord[] = [],
  funds: ReadonlySet<string> = new Set(),
  collectors: CollectorFigures = noCollectors,
  codeNames: CodeNames = {},
): Report {
  const departments = codeNames.departments ?? {};
  const programs = codeNames.programs ?? {};
  const sorted = [...lines].sort((a, b) => compare(a.fund, b.fund) || compare(a.lineId, b.lineId));
  const carriedOf = (lineId: string, kind: CarryOverKind) =>
    carryOvers.filter((c) => c.lineId === lineId && c.kind === kind).reduce((s, c) => s + BigInt(c.amount), 0n);
  const expenditure = sorted
    .filter((l) => l.kind === 'expenditure')
    .map((l) => {
      const [explicit, accident, continuing] = kinds.map((k) => carriedOf(l.lineId, k)) as [bigint, bigint, bigint];
      const carriedOver = explicit + accident + continuing;
      return {
        fund: l.fund,
        lineId: l.lineId,
        policy: expenditureIdParts(l.lineId)?.policy ?? '',
        dept: l.dept,
        itemCode: l.itemCode,
        ...settlementComponents(l),
        budget: BigInt(l.budget),
        committed: BigInt(l.committed),
        paid: BigInt(l.paid),
        recoded: big(l.recodedNet),
        explicit,
        accident,
        continuing,
        carriedOver,
        unused: BigInt(l.budget) - BigInt(l.paid) - carriedOver,
      };
    });
  const revenue = sorted
    .filter((l) => l.kind === 'revenue')
    .map((l) => {
      const net = BigInt(l.received) - BigInt(l.refunded);
      const writtenOff = big(l.writtenOff);
      const outstanding = BigInt(l.assessed) - net - writtenOff;
      return {
        fund: l.fund,
        lineId: l.lineId,
        dept: l.dept,
        itemCode: l.itemCode,
        budget: BigInt(l.budget),
        assessed: BigInt(l.assessed),
        received: BigInt(l.received),
        refunded: BigInt(l.refunded),
        netReceived: net,
        writtenOff,
        outstanding: outstanding > 0n ? outstanding : 0n,
      };
    });
  const diverted = diversionRows(diversions).map(({ quarter: _quarter, amount: moved, ...row }) => ({ ...row, amount: BigInt(moved) }));
  const reserved = reserveUseRows(reserveUses, new Map(lines.map((l) => [l.lineId, l]))).map(
    ({ quarter: _quarter, amount: used, emergency, targetBudget, targetPaid, ...row }) => ({
      ...row,
      amount: BigInt(used),
      emergency: emergency ? '예' : '',
      targetBudget: BigInt(targetBudget),
      targetPaid: BigInt(targetPaid),
    }),
  );
  const surpluses = surplusByFund(lines, carryOvers);
  const budgetSurpluses = splitByScope(surpluses, funds).budget;
  const expenditureScopes = splitByScope(expenditure, funds);
  const revenueScopes = splitByScope(revenue, funds);
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
          text('policy', '정책사업'),
          text('dept', '부서'),
          text('itemCode', '통계목'),
          amount('original', '예산액'),
          amount('carryIn', '전년도이월액'),
          amount('transfer', '이용증감액'),
          amount('diversion', '전용증감액'),
          amount('reallocation', '이체증감액'),
          amount('reserve', '예비비지출액'),
          amount('preEstablished', '성립전예산액'),
          amount('budget', '예산현액'),
          amount('committed', '지출원인행위액'),
          amount('paid', '지출액'),
          amount('recoded', '과목경정증감액'),
          amount('explicit', '명시이월'),
          amount('accident', '사고이월'),
          amount('continuing', '계속비이월'),
          amount('carriedOver', '다음연도이월액'),
          amount('unused', '불용액'),
        ],
        rows: expenditure,
        names: {
          fund: fundNames,
          policy: namesFor(expenditure, 'policy', programs),
          dept: namesFor(expenditure, 'dept', departments),
          itemCode: namesOf(expenditure, nameOfEconomicCode),
        },
        summary: { labelColumn: 'lineId', groupBy: 'fund' },
      },
      {
        id: 'revenue',
        title: '세입결산',
        columns: [
          text('fund', '회계'),
          text('lineId', '예산과목'),
          text('dept', '부서'),
          text('itemCode', '세입과목'),
          amount('budget', '예산현액'),
          amount('assessed', '징수결정액'),
          amount('received', '수납액'),
          amount('refunded', '환급액'),
          amount('netReceived', '순수납액'),
          amount('writtenOff', '불납결손액'),
          amount('outstanding', '미수납액'),
        ],
        rows: revenue,
        names: { fund: fundNames, dept: namesFor(revenue, 'dept', departments), itemCode: namesOf(revenue, nameOfRevenueCategory) },
        summary: { labelColumn: 'lineId', groupBy: 'fund' },
      },
      {
        id: 'surplus',
        title: '세계잉여금',
        columns: [
          text('fund', '회계'),
          amount('received', '세입 수납액'),
          amount('paid', '세출 지출액'),
          amount('surplus', '세계잉여금'),
          amount('carriedOver', '다음연도이월액'),
          amount('netSurplus', '순세계잉여금'),
        ],
        rows: surpluses.map((s) => ({ ...s })),
        names: { fund: fundNames },
        summary: { labelColumn: 'fund' },
      },
      {
        id: 'diversions',
        title: '예산전용조서',
        columns: [
          text('decisionDate', '결정일'),
          text('changeId', '전용번호'),
          text('fund', '회계'),
          text('policy', '정책사업'),
          text('from', '전용한 과목'),
          text('to', '전용받은 과목'),
          amount('amount', '전용액'),
          text('reason', '전용 사유'),
          text('reverses', '취소한 전용'),
        ],
        rows: diverted,
        names: { fund: fundNames, policy: namesFor(diverted, 'policy', programs) },
        summary: { labelColumn: 'changeId' },
      },
      carryOverStatement(year, lines, carryOvers, fundNames),
      explicitCarryOverExecution(lines, carryOvers, explicitApproved, fundNames),
      outstandingByCollector(collectors.current, fundNames),
      openingReceivablesByCollector(collectors.prior, fundNames),
      {
        id: 'reserveUses',
        title: '예비비 사용명세서',
        columns: [
          text('decisionDate', '사용결정일'),
          text('changeId', '결정번호'),
          text('fund', '회계'),
          text('policy', '정책사업'),
          text('from', '예비비 과목'),
          text('to', '사용 과목'),
          amount('amount', '사용액'),
          text('reason', '사용 사유'),
          text('emergency', '긴급재난대책'),
          amount('targetBudget', '사용 과목 예산현액'),
          amount('targetPaid', '사용 과목 지출액'),
          text('reverses', '취소한 사용결정'),
        ],
        rows: reserved,
        names: { fund: fundNames, policy: namesFor(reserved, 'policy', programs) },
        summary: { labelColumn: 'changeId' },
      },
    ],
    totals: {
      ...budgetTotals(expenditureScopes.budget, revenueScopes.budget),
      surplus: sum(budgetSurpluses, (r) => r.surplus),
      netSurplus: sum(budgetSurpluses, (r) => r.netSurplus),
      // 기금 (기금관리기본법 §2) is outside the 세입세출예산 (지방재정법 §34③; budget-scope.ts): its own
      // totals, beside them (only where the government keeps a 기금)
      ...Object.fromEntries(
        funds.size === 0
          ? []
          : Object.entries(budgetTotals(expenditureScopes.fund, revenueScopes.fund)).map(([name, value]) => [fundTotalName(name), value]),
      ),
    },
  };
}

/**
 * The 세출 and 세입 totals of a set of rows: over the 세입세출예산's 회계 for the report's totals, and
 * over the 기금 apart (`fund…`).
 */
function budgetTotals(
  expenditure: readonly Record<
    | 'budget'
    | 'original'
    | 'carryIn'
    | 'transfer'
    | 'diversion'
    | 'reallocation'
    | 'reserve'
    | 'preEstablished'
    | 'paid'
    | 'carriedOver'
    | 'unused',
    bigint
  >[],
  revenue: readonly Record<'budget' | 'assessed' | 'netReceived' | 'writtenOff' | 'outstanding', bigint>[],
): Record<string, bigint> {
  return {
    expenditureBudget: sum(expenditure, (r) => r.budget),
    expenditureOriginal: sum(expenditure, (r) => r.original),
    expenditureCarryIn: sum(expenditure, (r) => r.carryIn),
    expenditureTransfer: sum(expenditure, (r) => r.transfer),
    expenditureDiversion: sum(expenditure, (r) => r.diversion),
    expenditureReallocation: sum(expenditure, (r) => r.reallocation),
    expenditureReserve: sum(expenditure, (r) => r.reserve),
    expenditurePreEstablished: sum(expenditure, (r) => r.preEstablished),
    expenditurePaid: sum(expenditure, (r) => r.paid),
    carriedOver: sum(expenditure, (r) => r.carriedOver),
    unused: sum(expenditure, (r) => r.unused),
    revenueBudget: sum(revenue, (r) => r.budget),
    revenueAssessed: sum(revenue, (r) => r.assessed),
    revenueNetReceived: sum(revenue, (r) => r.netReceived),
    revenueWrittenOff: sum(revenue, (r) => r.writtenOff),
    revenueOutstanding: sum(revenue, (r) => r.outstanding),
  };
}
