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
  groups: {
    key: string;
    name?: string;
    lines: number;
    budget: string;
    allotted: string;
    committed: string;
    paid: string;
    executionRate: string;
  }[];
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

const groupLabels: Record<string, string> = {
  field: '분야',
  department: '부서',
  policy: '정책사업',
  sector: '부문',
  account: '회계',
  economic: '편성목',
};

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

/** The head of an execution view: the budget (labelled as the view reads it), what was paid and the rate. */
const executionFigures = (budgetLabel: string, totals: { budget: string; paid: string; executionRate: string }): HTMLElement =>
  figures([
    [budgetLabel, wonWithUnit(totals.budget)],
    ['지출액', wonWithUnit(totals.paid)],
    ['집행률', percent(totals.executionRate)],
  ]);

/** What was budgeted or allocated (light) beside what was paid (dark), per label, in millions of won. */
function againstPaid(
  title: string,
  labels: readonly string[],
  [plannedLabel, planned]: readonly [string, readonly string[]],
  [paidLabel, paid]: readonly [string, readonly string[]],
): HTMLElement {
  const millions = (value: string) => Number(BigInt(value) / 1_000_000n);
  return barChart(
    title,
    labels,
    [
      { label: plannedLabel, values: planned.map(millions), color: '#9bb7de' },
      { label: paidLabel, values: paid.map(millions), color: '#0b4ea2' },
    ],
    '백만원',
  );
}

export async function execution(gov: string, year: number, by: 'field' | 'sector' | 'economic' | 'department' | 'policy'): Promise<Node[]> {
  const rollup = await api<Rollup>(`/governments/${gov}/budgets/${year}/execution-status`, { by });
  const names =
    by === 'field' || by === 'sector' ? await functionalNames().catch(() => new Map<string, string>()) : new Map<string, string>();
  // 분야 names from the public classification; 부서 and 정책사업 names come with the groups
  const named = (code: string, name = names.get(code)) => (name ? `${name} (${code})` : code);
  const label = groupLabels[by] ?? by;
  return [
    executionFigures('세출 예산액', rollup),
    againstPaid(
      `${label}별 예산 대비 지출 (백만원)`,
      rollup.groups.map((g) => named(g.key, g.name ?? names.get(g.key))),
      ['예산액', rollup.groups.map((g) => g.budget)],
      ['지출액', rollup.groups.map((g) => g.paid)],
    ),
    dataTable(
      `${label}별 집행현황`,
      [
        { label, value: (g) => named(g.key, g.name ?? names.get(g.key)) },
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

interface MonthlyExecution {
  budget: string;
  paid: string;
  executionRate: string;
  months: { month: string; allocated: string; paid: string; cumulativePaid: string; cumulativeRate: string }[];
}

/** 2026-03 → 2026. 3. (the 출납정리기간 months of the next year keep their own year). */
const monthLabel = (month: string): string => `${month.slice(0, 4)}. ${Number(month.slice(5, 7))}.`;

/**
 * Execution against budget over the year (단체장, 예산부서, 의회, 연구기관): 자금배정액 and 지급액 month by
 * month as a chart, and the table with the cumulative 지급액 and its rate against the 예산현액
 * (`execution-status?by=month`: the API sums the month's cash counters, never the postings).
 */
export async function monthlyExecution(gov: string, year: number): Promise<Node[]> {
  const series = await api<MonthlyExecution>(`/governments/${gov}/budgets/${year}/execution-status`, { by: 'month' });
  return [
    executionFigures('세출 예산현액', series),
    againstPaid(
      '월별 자금배정액과 지급액 (백만원)',
      series.months.map((m) => monthLabel(m.month)),
      ['자금배정액', series.months.map((m) => m.allocated)],
      ['지급액', series.months.map((m) => m.paid)],
    ),
    dataTable(
      '월별 집행 추이',
      [
        { label: '월', value: (m) => monthLabel(m.month) },
        { label: '자금배정액', value: (m) => m.allocated, type: 'won' },
        { label: '지급액', value: (m) => m.paid, type: 'won' },
        { label: '누계 지급액', value: (m) => m.cumulativePaid, type: 'won' },
        { label: '누계 집행률', value: (m) => m.cumulativeRate, type: 'percent' },
      ],
      series.months,
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
        section('월별 집행 추이', 'monthly', () => monthlyExecution(gov, year)),
        section('자금 현황', 'funds', () => funds.then((status) => fundsView(status))),
        section('예산대비채무비율', 'debt', () => debtRatio(gov, year)),
        section('재정지표', 'indicators', () => indicators(gov, year)),
      ),
    )
    .catch((error: unknown) => replace(content, problemMessage(error)))
    .finally(() => content.setAttribute('aria-busy', 'false'));
  const book = h('p', {}, h('a', { href: `#/book/${gov}` }, '예산서 (분야·부문·성질별)'));
  return h('div', { id: 'government-home' }, h('h1', {}, title), book, content);
}
