import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { ratePercent, wonWithUnit } from '../format.ts';
import { dataTable } from '../table.ts';
import { figures, problemMessage, section } from '../ui.ts';
import { execution } from './government.ts';

interface Version {
  number: number;
  title: string;
  state: string;
}
interface BookRow {
  code: string;
  name: string;
  total: string;
}
interface Book {
  version: number;
  expenditureTotal: string;
  revenueTotal: string;
  byFunction: (BookRow & { children: BookRow[] })[];
  byEconomicGroup: (BookRow & { children: BookRow[] })[];
}
interface RollupGroup {
  key: string;
  budget: string;
  paid: string;
}
interface LinePage {
  items: {
    lineId: string;
    kind: 'expenditure' | 'revenue';
    policyName?: string;
    detailName?: string;
    statItem?: string;
    name?: string;
    dept: string;
    amount: number;
  }[];
  cursor?: string;
}

/** One row of the book: 분야 (or 성질 group) with its 부문 (편성목) below it, 예산액 from the version, 예산현액 and 지출액 live. */
interface BookLine {
  readonly level: 'group' | 'item';
  readonly code: string;
  readonly name: string;
  readonly enacted: string;
  readonly budget: string;
  readonly paid: string;
}

const sumOf = (groups: readonly RollupGroup[], keys: readonly string[]) => {
  let budget = 0n;
  let paid = 0n;
  for (const g of groups)
    if (keys.includes(g.key)) {
      budget += BigInt(g.budget);
      paid += BigInt(g.paid);
    }
  return { budget: budget.toString(), paid: paid.toString() };
};

/**
 * The book's groups (예산액 of the final version) beside the live 집행현황: a group's live figures from
 * `groupLive` under its own code (분야) or, when absent, summed over its children (성질 group = its 편성목).
 */
function bookLines(groups: Book['byFunction'], itemLive: readonly RollupGroup[], groupLive?: readonly RollupGroup[]): BookLine[] {
  return groups.flatMap((group) => {
    const live = groupLive
      ? sumOf(groupLive, [group.code])
      : sumOf(
          itemLive,
          group.children.map((c) => c.code),
        );
    return [
      { level: 'group' as const, code: group.code, name: group.name, enacted: group.total, ...live },
      ...group.children.map((child) => ({
        level: 'item' as const,
        code: child.code,
        name: child.name,
        enacted: child.total,
        ...sumOf(itemLive, [child.code]),
      })),
    ];
  });
}

function bookTable(caption: string, label: string, lines: readonly BookLine[]): HTMLTableElement {
  return dataTable(
    caption,
    [
      { label, value: (l) => `${l.level === 'item' ? '　└ ' : ''}${l.name} (${l.code})` },
      { label: '예산액', value: (l) => l.enacted, type: 'won' },
      { label: '예산현액', value: (l) => l.budget, type: 'won' },
      { label: '지출액', value: (l) => l.paid, type: 'won' },
      { label: '집행률', value: (l) => ratePercent(BigInt(l.paid), BigInt(l.budget)) ?? '', type: 'percent' },
    ],
    lines,
  );
}

/** The latest final version of the year (본예산 or the last 추경): the one the book and execution read. */
async function finalVersion(gov: string, year: number): Promise<Version> {
  const { items } = await api<{ items: Version[] }>(`/governments/${gov}/budgets/${year}/versions`);
  const final = items.filter((v) => v.state === 'final').sort((a, b) => b.number - a.number)[0];
  if (!final) throw new Error(`${year}년 예산이 아직 확정되지 않았습니다`);
  return final;
}

/** The lines of the version, a page at a time, each linking to its line page. */
function lineList(gov: string, year: number, version: number): HTMLElement {
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, '더 보기');
  let cursor: string | undefined;
  const load = async () => {
    const page = await api<LinePage>(`/governments/${gov}/budgets/${year}/versions/${version}/lines`, { limit: 100, cursor });
    for (const line of page.items)
      body.append(
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `#/line/${gov}/${encodeURIComponent(line.lineId)}` }, line.lineId)),
          h('td', {}, line.kind === 'expenditure' ? `${line.policyName ?? ''} · ${line.detailName ?? ''}` : (line.name ?? '')),
          h('td', {}, line.statItem ?? ''),
          h('td', {}, line.dept),
          h('td', { class: 'won' }, wonWithUnit(line.amount)),
        ),
      );
    cursor = page.cursor;
    more.hidden = cursor === undefined;
  };
  more.addEventListener('click', () => void load().catch((error: unknown) => more.replaceWith(problemMessage(error))));
  const table = h(
    'table',
    { class: 'data', id: 'book-lines' },
    h('caption', {}, '예산과목 (과목을 누르면 그 과목의 집행현황과 지출부)'),
    h('thead', {}, h('tr', {}, ...['예산과목', '사업명·과목명', '통계목', '부서', '예산액'].map((l) => h('th', { scope: 'col' }, l)))),
    body,
  );
  const element = h('div', {}, table, more);
  void load().catch((error: unknown) => replace(element, problemMessage(error)));
  return element;
}

/**
 * The 예산서 of a research institute: aggregates only (지방연구기관 read totals by classification, never a
 * version, its lines or a ledger: the routes' access says so), so the page asks only for the live
 * 집행현황 by 분야, 부문 and 편성목 (`execution-status`, open to research) and sends no call that would
 * be refused.
 */
export function aggregateBook(gov: string, year: number, title: string): HTMLElement {
  return h(
    'div',
    { id: 'budget-book', 'data-scope': 'aggregates' },
    h('h1', {}, title),
    h(
      'p',
      { class: 'note' },
      '연구기관은 집계(분야·부문·성질별 합계)만 봅니다. 예산과목과 지출부는 해당 지방자치단체와 행정안전부가 봅니다.',
    ),
    section('분야별 예산과 집행', 'by-field', () => execution(gov, year, 'field')),
    section('부문별 예산과 집행', 'by-sector', () => execution(gov, year, 'sector')),
    section('성질별 (편성목) 예산과 집행', 'by-economic', () => execution(gov, year, 'economic')),
  );
}

/**
 * 예산서: the final version's budget by 기능별 분야/부문 and by 성질별 group/편성목, each beside its live
 * 예산현액, 지출액 and 집행률 (execution-status by field, sector and economic), then the version's lines.
 */
export function budgetBook(gov: string, year: number, title: string): HTMLElement {
  const content = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, '불러오는 중…'));
  void (async () => {
    try {
      const version = await finalVersion(gov, year);
      const base = `/governments/${gov}/budgets/${year}`;
      const live = (by: string) => api<{ groups: RollupGroup[] }>(`${base}/execution-status`, { by }).then((r) => r.groups);
      const [book, fields, sectors, items] = await Promise.all([
        api<Book>(`${base}/versions/${version.number}/book`),
        live('field'),
        live('sector'),
        live('economic'),
      ]);
      replace(
        content,
        figures([
          ['예산 (최종 확정본)', version.title],
          ['세입 예산액', wonWithUnit(book.revenueTotal)],
          ['세출 예산액', wonWithUnit(book.expenditureTotal)],
        ]),
        h(
          'section',
          { id: 'by-function', 'aria-labelledby': 'by-function-title' },
          h('h2', { id: 'by-function-title' }, '기능별 (분야·부문)'),
          bookTable('분야·부문별 예산과 집행', '분야·부문', bookLines(book.byFunction, sectors, fields)),
        ),
        h(
          'section',
          { id: 'by-economic', 'aria-labelledby': 'by-economic-title' },
          h('h2', { id: 'by-economic-title' }, '성질별 (성질·편성목)'),
          bookTable('성질별 예산과 집행', '성질·편성목', bookLines(book.byEconomicGroup, items)),
        ),
        section('예산과목', 'lines', async () => lineList(gov, year, version.number)),
      );
    } catch (error) {
      replace(content, problemMessage(error));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  })();
  return h('div', { id: 'budget-book' }, h('h1', {}, title), content);
}
