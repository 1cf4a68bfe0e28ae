import { api } from '../api.ts';
import { barChart } from '../chart.ts';
import { h, replace } from '../dom.ts';
import { percent, wonWithUnit } from '../format.ts';
import { fundsView } from '../funds.ts';
import type { FundStatus } from '../funds.ts';
import { dataTable } from '../table.ts';
import { figures, problemMessage, section } from '../ui.ts';

interface Rollup {
  budget: string;
  paid: string;
  executionRate: string;
  groups: { key: string; lines: number; budget: string; allotted: string; committed: string; paid: string; executionRate: string }[];
}
interface Ratio {
  numerator: string;
  denominator: string;
  percent: string | null;
}
interface DebtRatio {
  outstanding: string;
  budget: string | null;
  ratio: Ratio | null;
  bandName: string | null;
  asOf: string;
}
interface Indicators {
  fiscalIndependence: Ratio;
  fiscalAutonomy: Ratio;
  official: { basis: string; fiscalIndependence: Ratio; fiscalAutonomy: Ratio };
}

const groupLabels: Record<string, string> = { field: '분야', department: '부서', policy: '정책사업', sector: '부문', account: '회계' };

/** Budget against execution, grouped, as a chart and its table (the table carries the exact figures). */
let functional: Promise<Map<string, string>> | undefined;

/** Names of the 분야 and 부문 codes (the public 기능별 분류), read once. */
function functionalNames(): Promise<Map<string, string>> {
  functional ??= api<{ items: { code: string; nameKo: string; sectors: { code: string; nameKo: string }[] }[] }>(
    '/classification/functional',
  ).then(
    (list) =>
      new Map(
        list.items.flatMap((field) => [[field.code, field.nameKo] as const, ...field.sectors.map((s) => [s.code, s.nameKo] as const)]),
      ),
  );
  return functional;
}

export async function execution(gov: string, year: number, by: 'field' | 'department' | 'policy'): Promise<Node[]> {
  const rollup = await api<Rollup>(`/governments/${gov}/budgets/${year}/execution-status`, { by });
  const names = by === 'field' ? await functionalNames().catch(() => new Map<string, string>()) : new Map<string, string>();
  const named = (code: string) => (names.has(code) ? `${names.get(code)} (${code})` : code);
  const label = groupLabels[by] ?? by;
  return [
    figures([
      ['세출 예산액', wonWithUnit(rollup.budget)],
      ['지출액', wonWithUnit(rollup.paid)],
      ['집행률', percent(rollup.executionRate)],
    ]),
    barChart(
      `${label}별 예산 대비 지출 (백만원)`,
      rollup.groups.map((g) => named(g.key)),
      [
        { label: '예산액', values: rollup.groups.map((g) => Number(BigInt(g.budget) / 1_000_000n)), color: '#9bb7de' },
        { label: '지출액', values: rollup.groups.map((g) => Number(BigInt(g.paid) / 1_000_000n)), color: '#0b4ea2' },
      ],
      '백만원',
    ),
    dataTable(
      `${label}별 집행현황`,
      [
        { label, value: (g) => named(g.key) },
        { label: '예산액', value: (g) => g.budget, type: 'won' },
        { label: '배정액', value: (g) => g.allotted, type: 'won' },
        { label: '원인행위액', value: (g) => g.committed, type: 'won' },
        { label: '지출액', value: (g) => g.paid, type: 'won' },
        { label: '집행률', value: (g) => g.executionRate, type: 'percent' },
      ],
      rollup.groups,
      { sortable: true },
    ),
  ];
}

export async function fundStatus(gov: string, year: number): Promise<Node[]> {
  return fundsView(await api<FundStatus>(`/governments/${gov}/years/${year}/fund-status`));
}

async function debtRatio(gov: string, year: number): Promise<Node> {
  const debt = await api<DebtRatio>(`/governments/${gov}/debt-ratio`, { year });
  return figures([
    ['채무', wonWithUnit(debt.outstanding)],
    ['최종예산 (세출)', debt.budget === null ? '—' : wonWithUnit(debt.budget)],
    ['예산대비채무비율', percent(debt.ratio?.percent)],
    ['구분', debt.bandName ?? '—'],
  ]);
}

export async function indicators(gov: string, year: number): Promise<Node> {
  const found = await api<Indicators>(`/governments/${gov}/disclosure/${year}/indicators`);
  return figures([
    ['재정자립도', percent(found.fiscalIndependence.percent)],
    ['재정자주도', percent(found.fiscalAutonomy.percent)],
    [`재정자립도 (${found.official.basis})`, percent(found.official.fiscalIndependence.percent)],
    [`재정자주도 (${found.official.basis})`, percent(found.official.fiscalAutonomy.percent)],
  ]);
}

/**
 * 단체장, 지방의회, 연구기관, 예산부서, 회계책임관: one government's budget against execution, fund
 * status, debt ratio and indicators. The page first asks the API for the government's fund status:
 * when the caller may not read this government (403), the page shows that answer alone and asks for
 * nothing else.
 */
export function governmentHome(gov: string, year: number, title: string): HTMLElement {
  const content = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, '불러오는 중…'));
  const funds = api<FundStatus>(`/governments/${gov}/years/${year}/fund-status`);
  funds
    .then(() =>
      replace(
        content,
        section('예산 대비 집행 (분야별)', 'execution', () => execution(gov, year, 'field')),
        section('자금 현황', 'funds', () => funds.then((status) => fundsView(status))),
        section('예산대비채무비율', 'debt', () => debtRatio(gov, year)),
        section('재정지표', 'indicators', () => indicators(gov, year)),
      ),
    )
    .catch((error: unknown) => replace(content, problemMessage(error)))
    .finally(() => content.setAttribute('aria-busy', 'false'));
  return h('div', { id: 'government-home' }, h('h1', {}, title), content);
}
