import { account, chart, classBalance } from '#shared/domain/accounting/chart.ts';
import { sumByAccount } from '#shared/domain/accounting/ledger.ts';
import type { Scope } from '#shared/domain/settlement/financial-statements.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { FundSurplus } from '#shared/domain/settlement/budget-settlement.ts';
import type { EntityLedger } from '#shared/domain/accounting/statements/statement-set.ts';
import { cashFlowStatement } from '#shared/domain/accounting/statements/cash-flow.ts';
import { operations } from '#shared/domain/accounting/statements/operations.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report, ReportRow } from '#shared/domain/reports/report.ts';
import { sumBy } from '#shared/domain/sums.ts';

/**
 * 필수보충정보 (회계기준규칙 제8조②, 제42조) the books support today:
 *   예산결산요약표 — per 회계, 세입 예산현액·수납액 and 세출 예산현액·지출액·이월액·불용액;
 *   재정운영표 (성질별) — the year's expenses and revenues per account (성질) for each scope;
 *   예산회계와 재무회계의 차이에 대한 명세서 — per 회계, from 세입세출 차액 (수납액 − 지출액) to
 *   −재정운영결과: less cash-free budget receipts (잉여금·이월금), investing and financing cash flows,
 *   and the accruals (미수·미지급, 감가상각 …) [U: the official form's item list was not available].
 */
function budgetSummary(lines: readonly SettlementLine[], surpluses: readonly FundSurplus[]): ReportRow[] {
  return surpluses.map((s) => {
    const of = lines.filter((l) => l.fund === s.fund);
    const sum = (kind: SettlementLine['kind'], pick: (l: SettlementLine) => number) =>
      of.filter((l) => l.kind === kind).reduce((t, l) => t + BigInt(pick(l)), 0n);
    const expenditureBudget = sum('expenditure', (l) => l.budget);
    return {
      fund: s.fund,
      revenueBudget: sum('revenue', (l) => l.budget),
      received: s.received,
      expenditureBudget,
      paid: s.paid,
      carriedOver: s.carriedOver,
      unused: expenditureBudget - s.paid - s.carriedOver,
    };
  });
}

function byNature(scopes: readonly Scope[], current: readonly EntityLedger[]): ReportRow[] {
  const ledgerOf = new Map(current.map((e) => [e.entity.id, e.ledger]));
  return scopes
    .filter((s) => s.kind === '개별')
    .flatMap((scope) => {
      const ledger = ledgerOf.get(scope.name);
      if (!ledger) return [];
      const amounts = sumBy(
        sumByAccount(ledger.period).filter((s) => ['expense', 'revenue'].includes(account(s.account).class)),
        (s) => account(s.account).code,
        (s) => classBalance(account(s.account), s.debit, s.credit),
      );
      return chart
        .filter((a) => (amounts.get(a.code) ?? 0n) !== 0n)
        .map((a) => ({
          fund: scope.name,
          nature: a.class === 'expense' ? '비용' : '수익',
          account: a.code,
          accountName: a.nameKo,
          amount: amounts.get(a.code)!,
        }));
    });
}

function differences(current: readonly EntityLedger[], surpluses: readonly FundSurplus[]): ReportRow[] {
  return [...current]
    .sort((a, b) => compare(a.entity.id, b.entity.id))
    .flatMap(({ entity, ledger }) => {
      const budgetDifference = surpluses.find((s) => s.fund === entity.id)?.surplus ?? 0n;
      const cf = cashFlowStatement(ledger);
      const result = -operations(ledger).operatingResult;
      const cashFree = budgetDifference - cf.netChange;
      const accruals = result - cf.operating.net;
      const rows: [string, bigint][] = [
        ['세입세출 차액 (수납액 − 지출액)', budgetDifference],
        ['현금 변동이 없는 세입세출 (잉여금·이월금 이입 등)', -cashFree],
        ['투자활동 현금흐름 (자산 취득·처분, 융자·회수, 출자)', -cf.investing.net],
        ['재무활동 현금흐름 (지방채·차입금 발행·상환)', -cf.financing.net],
        ['발생주의 조정 (미수·미지급, 감가상각, 대손 등)', accruals],
        ['재정운영표의 수익 − 비용 (−재정운영결과)', result],
      ];
      return rows.map(([item, value]) => ({ fund: entity.id, item, amount: value }));
    });
}

export function supplementaryInformation(
  gov: string,
  year: number,
  lines: readonly SettlementLine[],
  surpluses: readonly FundSurplus[],
  scopes: readonly Scope[],
  current: readonly EntityLedger[],
): Report {
  const reconciling = differences(current, surpluses);
  return {
    report: 'supplementary-information',
    title: reportTitles['supplementary-information'],
    gov,
    year,
    period: String(year),
    tables: [
      {
        id: 'budget-summary',
        title: '예산결산요약표',
        columns: [
          text('fund', '회계'),
          amount('revenueBudget', '세입 예산현액'),
          amount('received', '세입 수납액'),
          amount('expenditureBudget', '세출 예산현액'),
          amount('paid', '세출 지출액'),
          amount('carriedOver', '다음연도이월액'),
          amount('unused', '불용액'),
        ],
        rows: budgetSummary(lines, surpluses),
      },
      {
        id: 'operations-by-nature',
        title: '재정운영표(성질별)',
        columns: [
          text('fund', '회계'),
          text('nature', '구분'),
          text('account', '계정코드'),
          text('accountName', '계정과목'),
          amount('amount', '금액'),
        ],
        rows: byNature(scopes, current),
      },
      {
        id: 'budget-accrual-differences',
        title: '예산회계와 재무회계의 차이',
        columns: [text('fund', '회계'), text('item', '항목'), amount('amount', '금액')],
        rows: reconciling,
      },
    ],
    totals: {
      budgetDifference: surpluses.reduce((s, x) => s + x.surplus, 0n),
    },
  };
}
