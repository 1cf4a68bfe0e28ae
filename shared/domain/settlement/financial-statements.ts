import { chart } from '#shared/domain/accounting/chart.ts';
import { closingBalancesOf } from '#shared/domain/accounting/ledger.ts';
import type { EntityType } from '#shared/domain/accounting/ledger.ts';
import type { CashFlowStatement } from '#shared/domain/accounting/statements/cash-flow.ts';
import type { FinancialPosition, NetAssetSplit } from '#shared/domain/accounting/statements/financial-position.ts';
import type { Operations } from '#shared/domain/accounting/statements/operations.ts';
import { ledgerStatements } from '#shared/domain/accounting/statements/statement-set.ts';
import type { Comparative, EntityLedger, StatementSet } from '#shared/domain/accounting/statements/statement-set.ts';
import { typeIds } from '#shared/domain/settlement/entity-ledgers.ts';
import { statementNotes } from '#shared/domain/settlement/statement-notes.ts';
import type { NotesData } from '#shared/domain/settlement/statement-notes.ts';
import type { OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report, ReportRow } from '#shared/domain/reports/report.ts';

/**
 * 재무제표 of the year-end closing (「지방자치단체 회계기준에 관한 규칙」 제8조): 재정상태표, 재정운영표,
 * 현금흐름표, 순자산변동표 and 주석, each for every 회계실체 (개별, 제9조③), every type (유형별, ②)
 * and the government (통합, ①, 내부거래 eliminated), beside last year's figures (제9조④). One
 * table per statement, its rows tagged with the scope; `totals` holds each scope's check figures.
 */
export interface Scope {
  readonly kind: '개별' | '유형별' | '통합';
  /** 회계 code, type name or 통합. */
  readonly name: string;
  /** ASCII key of the scope's totals: entity.{code}, type.{id} or whole. */
  readonly key: string;
  readonly statements: Comparative<StatementSet>;
}

export function scopesOf(current: readonly EntityLedger[], prior: readonly EntityLedger[]): Scope[] {
  const sets = ledgerStatements(current, prior);
  return [
    ...[...sets.entities].map(([id, statements]) => ({ kind: '개별' as const, name: id, key: `entity.${id}`, statements })),
    ...[...sets.types].map(([type, statements]) => ({
      kind: '유형별' as const,
      name: type,
      key: `type.${typeIds[type as EntityType]}`,
      statements,
    })),
    { kind: '통합' as const, name: '통합', key: 'whole', statements: sets.whole },
  ];
}

interface Figure {
  readonly key: string;
  readonly order: number;
  readonly section: string;
  readonly account: string;
  readonly name: string;
  readonly value: bigint;
}

const chartOrder = new Map(chart.map((a, i) => [a.code, i]));

/** This year's rows beside last year's: the union of both, in statement order. */
function comparative(scope: Scope, figures: (s: StatementSet) => Figure[]): ReportRow[] {
  const current = figures(scope.statements.current);
  const prior = scope.statements.prior ? figures(scope.statements.prior) : [];
  const byKey = new Map<string, { f: Figure; current: bigint; prior: bigint }>();
  for (const f of current) byKey.set(f.key, { f, current: f.value, prior: 0n });
  for (const f of prior) {
    const row = byKey.get(f.key);
    if (row) row.prior = f.value;
    else byKey.set(f.key, { f, current: 0n, prior: f.value });
  }
  return [...byKey.values()]
    .sort((a, b) => a.f.order - b.f.order)
    .map(({ f, current: c, prior: p }) => ({
      scopeKind: scope.kind,
      scope: scope.name,
      section: f.section,
      account: f.account,
      accountName: f.name,
      current: c,
      prior: p,
    }));
}

const line = (order: number, section: string, name: string, value: bigint, account = ''): Figure => ({
  key: `${section}|${account}|${name}`,
  order,
  section,
  account,
  name,
  value,
});

function positionFigures(fp: FinancialPosition, na: NetAssetSplit): Figure[] {
  const figures: Figure[] = [];
  const sections = (list: FinancialPosition['assets'], base: number) =>
    list.forEach((s, i) => {
      for (const l of s.lines)
        figures.push(line(base + i * 1000 + (chartOrder.get(l.account) ?? 0), s.section, l.nameKo, l.amount, l.account));
      if (s.lines.length > 0) figures.push(line(base + i * 1000 + 999, s.section, `${s.section} 계`, s.total));
    });
  sections(fp.assets, 0);
  figures.push(line(9_000, '자산', '자산총계', fp.totalAssets));
  sections(fp.liabilities, 10_000);
  figures.push(line(19_000, '부채', '부채총계', fp.totalLiabilities));
  figures.push(line(20_001, '순자산', '고정순자산', na.fixed));
  figures.push(line(20_002, '순자산', '특정순자산', na.specific));
  figures.push(line(20_003, '순자산', '일반순자산', na.general));
  figures.push(line(20_004, '순자산', '순자산총계', na.total));
  figures.push(line(20_005, '순자산', '부채와순자산총계', fp.totalLiabilitiesAndNetAssets));
  return figures;
}

function operationsFigures(op: Operations): Figure[] {
  const figures: Figure[] = [];
  const group = (base: number, section: string, g: Operations['administrative'], totalName: string) => {
    for (const l of g.lines) figures.push(line(base + (chartOrder.get(l.account) ?? 0), section, l.nameKo, l.amount, l.account));
    figures.push(line(base + 999, section, totalName, g.total));
  };
  op.programs.forEach((p, i) => {
    const base = i * 3_000;
    group(base, `사업순원가 기능 ${p.function}`, p.grossCost, '총원가');
    group(base + 1_000, `사업순원가 기능 ${p.function}`, p.programRevenue, '사업수익');
    figures.push(line(base + 2_000, `사업순원가 기능 ${p.function}`, '사업순원가', p.netCost));
  });
  figures.push(line(500_000, '사업순원가', '사업순원가 합계', op.programNetCost));
  group(501_000, '관리운영비', op.administrative, '관리운영비 계');
  group(502_000, '비배분비용', op.unallocatedExpense, '비배분비용 계');
  group(503_000, '비배분수익', op.unallocatedRevenue, '비배분수익 계');
  figures.push(line(504_000, '재정운영순원가', '재정운영순원가', op.netOperatingCost));
  group(505_000, '자체조달수익', op.ownSourceRevenue, '자체조달수익 계');
  group(506_000, '정부간이전수익', op.intergovernmentalRevenue, '정부간이전수익 계');
  group(507_000, '기타수익', op.otherRevenue, '기타수익 계');
  figures.push(line(508_000, '재정운영결과', '재정운영결과', op.operatingResult));
  return figures;
}

const activityNames = { operating: '경상활동', investing: '투자활동', financing: '재무활동' } as const;

function cashFlowFigures(cf: CashFlowStatement): Figure[] {
  const figures: Figure[] = [];
  (['operating', 'investing', 'financing'] as const).forEach((activity, i) => {
    const flows = cf[activity];
    const section = activityNames[activity];
    for (const f of flows.inflows) figures.push(line(i * 1_000 + 100, section, `유입: ${f.label}`, f.amount));
    for (const f of flows.outflows) figures.push(line(i * 1_000 + 500, section, `유출: ${f.label}`, f.amount));
    figures.push(line(i * 1_000 + 999, section, `${section}으로 인한 현금흐름`, flows.net));
  });
  figures.push(line(10_000, '현금', '현금의 증감', cf.netChange));
  figures.push(line(10_001, '현금', '기초의 현금', cf.openingCash));
  figures.push(line(10_002, '현금', '기말의 현금', cf.closingCash));
  return figures;
}

const statementColumns = [
  text('scopeKind', '구분'),
  text('scope', '회계실체'),
  text('section', '과목'),
  text('account', '계정코드'),
  text('accountName', '계정과목'),
  amount('current', '당기'),
  amount('prior', '전기'),
];

const netAssetRows = (scope: Scope): ReportRow[] => {
  const n = scope.statements.current.netAssetChanges;
  const priorClosing = scope.statements.prior?.netAssetChanges.closing.total ?? 0n;
  const rows: [string, NetAssetSplit][] = [
    ['기초순자산', n.opening],
    ['재정운영결과', n.operatingResult],
    ['순자산의 증가', n.increases],
    ['순자산의 감소', n.decreases],
    ['기타 (내부거래 상계 차이)', n.other],
    ['순자산 구성의 대체', n.reclassification],
    ['기말순자산', n.closing],
  ];
  return rows.map(([name, split]) => ({
    scopeKind: scope.kind,
    scope: scope.name,
    item: name,
    fixed: split.fixed,
    specific: split.specific,
    general: split.general,
    total: split.total,
    priorTotal:
      name === '기말순자산' ? priorClosing : name === '기초순자산' ? (scope.statements.prior?.netAssetChanges.opening.total ?? 0n) : 0n,
  }));
};

export function financialStatements(
  gov: string,
  year: number,
  current: readonly EntityLedger[],
  prior: readonly EntityLedger[],
  notesData: NotesData = { register: [], debts: [] },
): Report {
  const scopes = scopesOf(current, prior);
  const totals: Record<string, bigint> = {};
  for (const scope of scopes) {
    const { financialPosition: fp, operations: op, cashFlow: cf } = scope.statements.current;
    totals[`${scope.key}.assets`] = fp.totalAssets;
    totals[`${scope.key}.liabilities`] = fp.totalLiabilities;
    totals[`${scope.key}.netAssets`] = fp.netAssets.total;
    totals[`${scope.key}.netOperatingCost`] = op.netOperatingCost;
    totals[`${scope.key}.operatingResult`] = op.operatingResult;
    totals[`${scope.key}.closingCash`] = cf.closingCash;
    totals[`${scope.key}.closingCashPerBooks`] = cf.closingCashPerBooks;
  }
  return {
    report: 'financial-statements',
    title: reportTitles['financial-statements'],
    gov,
    year,
    period: String(year),
    tables: [
      {
        id: 'financial-position',
        title: '재정상태표',
        columns: statementColumns,
        rows: scopes.flatMap((s) => comparative(s, (set) => positionFigures(set.financialPosition, set.financialPosition.netAssets))),
      },
      {
        id: 'operations',
        title: '재정운영표',
        columns: statementColumns,
        rows: scopes.flatMap((s) => comparative(s, (set) => operationsFigures(set.operations))),
      },
      {
        id: 'cash-flow',
        title: '현금흐름표',
        columns: statementColumns,
        rows: scopes.flatMap((s) => comparative(s, (set) => cashFlowFigures(set.cashFlow))),
      },
      {
        id: 'changes-in-net-assets',
        title: '순자산변동표',
        columns: [
          text('scopeKind', '구분'),
          text('scope', '회계실체'),
          text('item', '과목'),
          amount('fixed', '고정순자산'),
          amount('specific', '특정순자산'),
          amount('general', '일반순자산'),
          amount('total', '합계'),
          amount('priorTotal', '전기 합계'),
        ],
        rows: scopes.flatMap(netAssetRows),
      },
      {
        id: 'notes',
        title: '주석',
        columns: [text('no', '번호'), text('title', '제목'), text('body', '내용')],
        rows: statementNotes(year, current, notesData),
      },
    ],
    totals,
  };
}

/**
 * Opening balances of year + 1 per 회계: balance-sheet accounts carried (internal ones per
 * counterpart, so that next year's 통합 still eliminates them), revenue, expense and the direct
 * changes of 순자산 closed into 순자산 (accounting/ledger.ts `closingBalancesOf`).
 */
export function nextYearOpening(current: readonly EntityLedger[]): OpeningBalance[] {
  return current.flatMap(({ entity, ledger }) =>
    closingBalancesOf(ledger).map((l) => ({
      fund: entity.id,
      account: l.account,
      debit: l.debit,
      credit: l.credit,
      ...(l.counterpart ? { counterpart: l.counterpart } : {}),
    })),
  );
}
