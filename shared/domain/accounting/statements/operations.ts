import { account, chart, classBalance } from '#shared/domain/accounting/chart.ts';
import type { Section } from '#shared/domain/accounting/chart.ts';
import { sumByAccount } from '#shared/domain/accounting/ledger.ts';
import type { Ledger } from '#shared/domain/accounting/ledger.ts';
import type { StatementLine } from '#shared/domain/accounting/statements/financial-position.ts';
import { sumBy } from '#shared/domain/sums.ts';

export interface Group {
  readonly lines: readonly StatementLine[];
  readonly total: bigint;
}

/** 제26조②1: per 기능, 사업순원가 = 총원가 − 사업수익. */
export interface ProgramCost {
  readonly function: string;
  readonly grossCost: Group;
  readonly programRevenue: Group;
  readonly netCost: bigint;
}

/**
 * 재정운영표 (제26조, 제30조):
 *   사업순원가        = Σ per 기능 (총원가 − 사업수익)                                   ②1
 *   재정운영순원가    = 사업순원가 + 관리운영비 + 비배분비용 − 비배분수익                 ②2 가·나·다
 *   재정운영결과      = 재정운영순원가 − (자체조달수익 + 정부간이전수익 + 기타수익)     ②3, 제30조
 * The stored copy of the rule lost the 가·나·다 item titles of ②2; the names 관리운영비 (가),
 * 비배분비용 (나) and 비배분수익 (다) follow the official form and the 규칙 text "가목 및 나목의
 * 비용은 더하고, 다목의 수익을 빼서". A negative 재정운영결과 means revenue exceeded net cost.
 */
export interface Operations {
  readonly programs: readonly ProgramCost[];
  readonly programNetCost: bigint;
  readonly administrative: Group;
  readonly unallocatedExpense: Group;
  readonly unallocatedRevenue: Group;
  readonly netOperatingCost: bigint;
  readonly ownSourceRevenue: Group;
  readonly intergovernmentalRevenue: Group;
  readonly otherRevenue: Group;
  readonly operatingResult: bigint;
}

export function operations(ledger: Ledger): Operations {
  const sums = sumByAccount(ledger.period).filter((s) => {
    const cls = account(s.account).class;
    return cls === 'revenue' || cls === 'expense';
  });
  const group = (section: Section, fn?: string): Group => {
    const amounts = sumBy(
      sums.filter((s) => account(s.account).section === section && (fn === undefined || s.function === fn)),
      (s) => s.account,
      (s) => classBalance(account(s.account), s.debit, s.credit),
    );
    const lines = chart
      .filter((a) => (amounts.get(a.code) ?? 0n) !== 0n)
      .map((a) => ({ account: a.code, nameKo: a.nameKo, amount: amounts.get(a.code)! }));
    return { lines, total: lines.reduce((t, l) => t + l.amount, 0n) };
  };
  const functions = [...new Set(sums.filter((s) => s.function !== undefined).map((s) => s.function!))].sort();
  const programs = functions.map((fn) => {
    const grossCost = group('사업총원가', fn);
    const programRevenue = group('사업수익', fn);
    return { function: fn, grossCost, programRevenue, netCost: grossCost.total - programRevenue.total };
  });
  const programNetCost = programs.reduce((t, p) => t + p.netCost, 0n);
  const administrative = group('관리운영비');
  const unallocatedExpense = group('비배분비용');
  const unallocatedRevenue = group('비배분수익');
  const netOperatingCost = programNetCost + administrative.total + unallocatedExpense.total - unallocatedRevenue.total;
  const ownSourceRevenue = group('자체조달수익');
  const intergovernmentalRevenue = group('정부간이전수익');
  const otherRevenue = group('기타수익');
  return {
    programs,
    programNetCost,
    administrative,
    unallocatedExpense,
    unallocatedRevenue,
    netOperatingCost,
    ownSourceRevenue,
    intergovernmentalRevenue,
    otherRevenue,
    operatingResult: netOperatingCost - ownSourceRevenue.total - intergovernmentalRevenue.total - otherRevenue.total,
  };
}
