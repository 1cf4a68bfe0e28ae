import rows from '#shared/data/accounting/chart-of-accounts.json' with { type: 'json' };

/**
 * The statutory chart of accounts of 「지방자치단체 회계기준에 관한 규칙」 (제14조–제30조), as data in
 * shared/data/accounting/chart-of-accounts.csv (JSON copy for bundling). The rule names the classes and
 * many accounts but publishes no account codes: every code here is project-own (1 자산, 2 부채, 3 순자산,
 * 4 수익, 5 비용; the second digit is the statement section). Each row's `basis` names its article.
 */
export type AccountClass = 'asset' | 'liability' | 'net-assets' | 'revenue' | 'expense';

/** 재정상태표 sections (제14조, 제21조, 제25조) and 재정운영표 sections (제26조②, 제30조). */
export const assetSections = ['유동자산', '투자자산', '일반유형자산', '주민편의시설', '사회기반시설', '기타비유동자산'] as const;
export const liabilitySections = ['유동부채', '장기차입부채', '기타비유동부채'] as const;
export const revenueSections = ['사업수익', '자체조달수익', '정부간이전수익', '기타수익', '비배분수익'] as const;
export const expenseSections = ['사업총원가', '관리운영비', '비배분비용'] as const;
export type Section =
  | (typeof assetSections)[number]
  | (typeof liabilitySections)[number]
  | '순자산'
  | (typeof revenueSections)[number]
  | (typeof expenseSections)[number];

/** The three classes of fixed assets a capital budget line must choose between (제14조①). */
export const assetClasses = ['일반유형자산', '주민편의시설', '사회기반시설'] as const;
export type AssetClass = (typeof assetClasses)[number];

/** What an account does beyond its section, so that rules look accounts up by role, not by code. */
export type AccountRole =
  | ''
  | 'cash'
  | 'allowance'
  | 'acquisition'
  | 'construction'
  | 'accumulated-depreciation'
  | 'payable'
  | 'discount'
  | 'premium'
  | 'local-bonds'
  | 'net-assets'
  | 'direct-increase'
  | 'direct-decrease'
  | 'allowance-reversal'
  | 'depreciation'
  | 'depreciation-admin'
  | 'interest'
  | 'bad-debt';

/**
 * How an account enters the 제25조 split of 순자산 or the 예산-재무 reconciliation: 'financial-fund' is 재정자금,
 * 'custody' a liability holding 세입세출외현금 (예수금, 장기예수보증금), the part of 재정자금 held for others;
 * 'over-payment' the 과오납금 owed back, a liability whose cash is budget cash (지방회계법 제28조①), listed apart.
 */
export type NetAssetPart = '' | 'fixed-asset' | 'facility-debt' | 'financial-fund' | 'custody' | 'over-payment';

export interface Account {
  readonly code: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly class: AccountClass;
  readonly section: Section;
  readonly role: AccountRole;
  /** A contra account (대손충당금, 감가상각누계액, 지방채할인발행차금 …) has the opposite normal balance. */
  readonly contra: boolean;
  /** For an allowance or a discount: the account it is deducted from (for a premium, 제54조②: the one it is added to). */
  readonly contraOf: string;
  /** 내부거래 (제3조3): removed from 유형별 and 통합 statements when the counterpart is inside (제9조①②). */
  readonly internal: boolean;
  readonly netAssetPart: NetAssetPart;
  readonly basis: string;
}

export const chart: readonly Account[] = rows.map((row) => ({
  code: row.code,
  nameKo: row.name_ko,
  nameEn: row.name_en,
  class: row.class as AccountClass,
  section: row.section as Section,
  role: row.role as AccountRole,
  contra: row.contra === 'contra',
  contraOf: row.contra_of,
  internal: row.internal === 'internal',
  netAssetPart: row.net_asset_part as NetAssetPart,
  basis: row.basis,
}));

const byCode = new Map(chart.map((a) => [a.code, a]));

export class UnknownAccountError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`unknown account ${code}`);
    this.code = code;
    this.name = 'UnknownAccountError';
  }
}

export function account(code: string): Account {
  const found = byCode.get(code);
  if (!found) throw new UnknownAccountError(code);
  return found;
}

/** The one account of a section with a role, e.g. the 건설중인자산 of 사회기반시설. */
export function accountWithRole(section: Section | null, role: AccountRole): Account {
  const found = chart.find((a) => a.role === role && (section === null || a.section === section));
  if (!found) throw new UnknownAccountError(`${section ?? '*'}:${role}`);
  return found;
}

/** The balance of an account on its class's side: a contra account shows as a negative amount. */
export function classBalance(a: Account, debit: bigint, credit: bigint): bigint {
  return a.class === 'asset' || a.class === 'expense' ? debit - credit : credit - debit;
}

/** 사업총원가 and 사업수익 are reported by 기능 (제26조②1, ④), so their lines carry the 분야 code. */
export const needsFunction = (a: Account): boolean => a.section === '사업총원가' || a.section === '사업수익';
