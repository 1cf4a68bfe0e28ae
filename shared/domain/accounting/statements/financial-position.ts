import { account, assetSections, chart, classBalance, liabilitySections } from '#shared/domain/accounting/chart.ts';
import type { Section } from '#shared/domain/accounting/chart.ts';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import { sumByAccount } from '#shared/domain/accounting/ledger.ts';
import type { Ledger } from '#shared/domain/accounting/ledger.ts';
import { sumBy } from '#shared/domain/sums.ts';

export interface StatementLine {
  readonly account: string;
  readonly nameKo: string;
  /** On the class's side; contra accounts (대손충당금, 감가상각누계액, 할인발행차금) are negative. */
  readonly amount: bigint;
}

export interface SectionTotal {
  readonly section: Section;
  readonly lines: readonly StatementLine[];
  readonly total: bigint;
}

/** 제25조: 고정순자산 ②, 특정순자산 ③, 일반순자산 ④ (the rest). */
export interface NetAssetSplit {
  readonly fixed: bigint;
  readonly specific: bigint;
  readonly general: bigint;
  readonly total: bigint;
}

/** 재정상태표 (제10조–제25조): assets by 제14조, liabilities by 제21조, 순자산 by 제25조. */
export interface FinancialPosition {
  readonly assets: readonly SectionTotal[];
  readonly totalAssets: bigint;
  readonly liabilities: readonly SectionTotal[];
  readonly totalLiabilities: bigint;
  readonly netAssets: NetAssetSplit;
  readonly totalLiabilitiesAndNetAssets: bigint;
}

/** Balances per account summed over lines, on each account's class side. */
export function balancesByAccount(lines: readonly JournalLine[]): Map<string, bigint> {
  return sumBy(
    sumByAccount(lines),
    (s) => s.account,
    (s) => classBalance(account(s.account), s.debit, s.credit),
  );
}

function sections(names: readonly Section[], balances: ReadonlyMap<string, bigint>): SectionTotal[] {
  return names.map((section) => {
    const lines = chart
      .filter((a) => a.section === section && (balances.get(a.code) ?? 0n) !== 0n)
      .map((a) => ({ account: a.code, nameKo: a.nameKo, amount: balances.get(a.code)! }));
    return { section, lines, total: lines.reduce((s, l) => s + l.amount, 0n) };
  });
}

/**
 * 순자산 as the books carry it: the 순자산 accounts plus revenue less expense not yet closed. Computed
 * from the equity side, independently of assets − liabilities, so that the statement can be checked.
 */
export function netAssetsTotal(lines: readonly JournalLine[]): bigint {
  let total = 0n;
  for (const l of lines) {
    const cls = account(l.account).class;
    if (cls === 'net-assets' || cls === 'revenue' || cls === 'expense') total += l.credit - l.debit;
  }
  return total;
}

/**
 * 제25조②: 고정순자산 = 일반유형자산 + 주민편의시설 + 사회기반시설 + 무형자산 (net of 감가상각누계액)
 * − the 장기차입금 and 지방채증권 raised to finance them. [U] hojo treats every 지방채증권 and
 * 장기차입금 as raised for facilities (지방채 finance investment projects), since the books do not
 * record the purpose of each borrowing.
 */
export function netAssetSplit(lines: readonly JournalLine[], specific: bigint): NetAssetSplit {
  const balances = balancesByAccount(lines);
  let fixed = 0n;
  for (const [code, balance] of balances) {
    const part = account(code).netAssetPart;
    if (part === 'fixed-asset') fixed += balance;
    if (part === 'facility-debt') fixed -= balance;
  }
  const total = netAssetsTotal(lines);
  return { fixed, specific, general: total - fixed - specific, total };
}

export function financialPosition(ledger: Ledger): FinancialPosition {
  const lines = [...ledger.opening, ...ledger.period];
  const balances = balancesByAccount(lines);
  const assets = sections(assetSections, balances);
  const liabilities = sections(liabilitySections, balances);
  const totalAssets = assets.reduce((s, x) => s + x.total, 0n);
  const totalLiabilities = liabilities.reduce((s, x) => s + x.total, 0n);
  const netAssets = netAssetSplit(lines, ledger.specificNetAssets.closing);
  return {
    assets,
    totalAssets,
    liabilities,
    totalLiabilities,
    netAssets,
    totalLiabilitiesAndNetAssets: totalLiabilities + netAssets.total,
  };
}
