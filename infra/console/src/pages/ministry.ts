import { api } from '../api.ts';
import { barChart } from '../chart.ts';
import { h, replace } from '../dom.ts';
import { koreanDate, percent, ratePercent, size, wonWithUnit } from '../format.ts';
import { governmentName, governments, metropolitanOf } from '../governments.ts';
import { fundsView } from '../funds.ts';
import type { FundStatus } from '../funds.ts';
import { dataTable } from '../table.ts';
import { figures, problemMessage, section } from '../ui.ts';
import { reportTitles } from '../reports.ts';
import { nationalGrid } from './national-grid.ts';
import { nationalTotals } from './national-totals.ts';

interface ArchiveEntry {
  gov: string;
  year: number;
  report: string;
  title: string;
  period: string;
  manifestKey: string;
  files: { file: string; size: number }[];
  archivedAt: string;
}
interface ExecutionRate {
  governments: number;
  budget: string;
  paid: string;
  executionRate: string;
  items: { gov: string; budget: string; paid: string; executionRate: string }[];
}
interface NationalFunds extends FundStatus {
  governments: number;
}

/**
 * 행정안전부: the archives of every government, the national budget in 총계 and 순계, nationwide fund
 * status, execution rates, and the tile grid of the 243 governments with their debt-ratio bands.
 */
export function ministryHome(year: number): HTMLElement[] {
  return [
    archiveBrowser(year),
    section('전국 예산 총계·순계', 'national-totals', () => nationalTotals(year)),
    section('전국 자금 현황', 'national-funds', () => nationalFunds(year)),
    section('지방자치단체별 예산 집행률', 'execution-rates', () => executionRates(year)),
    section('전국 타일 격자: 집행률과 채무비율', 'national-grid', () => nationalGrid(year)),
  ];
}

/** The archive list: year, government and report chosen in a form; each report opens in the report view. */
function archiveBrowser(year: number): HTMLElement {
  const results = h('div', { id: 'archive-results', 'aria-live': 'polite' });
  const reportSelect = h(
    'select',
    { id: 'archive-report', name: 'report' },
    h('option', { value: '' }, '모든 보고서'),
    ...Object.entries(reportTitles).map(([id, title]) => h('option', { value: id }, title)),
  );
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void list();
      },
    },
    h('label', { for: 'archive-year' }, '회계연도'),
    h('input', { id: 'archive-year', name: 'year', type: 'number', min: 2000, max: 2100, value: year, required: true }),
    h('label', { for: 'archive-gov' }, '지방자치단체 코드'),
    h('input', { id: 'archive-gov', name: 'gov', inputmode: 'numeric', pattern: '\\d{5}', placeholder: '전체', autocomplete: 'off' }),
    h('label', { for: 'archive-report' }, '보고서'),
    reportSelect,
    h('button', { type: 'submit' }, '조회'),
  );
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const list = async () => {
    results.setAttribute('aria-busy', 'true');
    try {
      const [page, all] = await Promise.all([
        api<{ items: ArchiveEntry[] }>('/archives', { year: field('year'), gov: field('gov'), report: field('report') }),
        governments(),
      ]);
      if (page.items.length === 0) {
        replace(results, h('p', {}, '보관된 보고서가 없습니다.'));
        return;
      }
      replace(
        results,
        h(
          'table',
          { class: 'data', id: 'archive-list' },
          h('caption', {}, `보관된 보고서 ${page.items.length}건`),
          h(
            'thead',
            {},
            h('tr', {}, ...['지방자치단체', '보고서', '기간', '파일', '보관일'].map((label) => h('th', { scope: 'col' }, label))),
          ),
          h(
            'tbody',
            {},
            ...page.items.map((entry) =>
              h(
                'tr',
                {},
                h('td', {}, governmentName(all, entry.gov)),
                h(
                  'td',
                  {},
                  h('a', { href: `#/archive/${entry.gov}/${encodeURIComponent(entry.manifestKey)}` }, `${entry.title} ${entry.period}`),
                ),
                h('td', {}, entry.period),
                h('td', {}, `${entry.files.length}개 · ${size(entry.files.reduce((sum, f) => sum + f.size, 0))}`),
                h('td', {}, koreanDate(entry.archivedAt)),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      replace(results, problemMessage(error));
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  };
  return h(
    'section',
    { id: 'archives', 'aria-labelledby': 'archives-title' },
    h('h2', { id: 'archives-title' }, '결산 보고서 보관소'),
    form,
    results,
  );
}

async function nationalFunds(year: number): Promise<Node[]> {
  const status = await api<NationalFunds>(`/years/${year}/fund-status`);
  return fundsView(status, [['자금 움직임이 있는 지방자치단체', `${status.governments}곳`]]);
}

/** Per government (sortable), and the 17 시·도 with their 시·군·구 summed, as a chart and its table. */
async function executionRates(year: number): Promise<Node[]> {
  const [rates, all] = await Promise.all([api<ExecutionRate>(`/years/${year}/execution-rate`), governments()]);
  const regions = [...all.values()].filter((g) => g.level === 'metropolitan');
  const byRegion = new Map(regions.map((g) => [g.code, { budget: 0n, paid: 0n }]));
  for (const item of rates.items) {
    const region = byRegion.get(metropolitanOf(all, item.gov));
    if (!region) continue;
    region.budget += BigInt(item.budget);
    region.paid += BigInt(item.paid);
  }
  const regionRows = regions.map((g) => ({ name: g.nameKo, ...(byRegion.get(g.code) ?? { budget: 0n, paid: 0n }) }));
  return [
    figures([
      ['지방자치단체', `${rates.governments}곳`],
      ['세출 예산액', wonWithUnit(rates.budget)],
      ['지출액', wonWithUnit(rates.paid)],
      ['전국 집행률', percent(rates.executionRate)],
    ]),
    barChart(
      `시·도별 집행률 (${year}, 관할 시·군·구 포함, %)`,
      regionRows.map((r) => r.name),
      [{ label: '집행률', values: regionRows.map((r) => Number(ratePercent(r.paid, r.budget) ?? 0)), color: '#0b4ea2' }],
      '%',
    ),
    dataTable(
      '시·도별 집행률 (관할 시·군·구 포함)',
      [
        { label: '시·도', value: (r) => r.name },
        { label: '세출 예산액', value: (r) => r.budget, type: 'won' },
        { label: '지출액', value: (r) => r.paid, type: 'won' },
        { label: '집행률', value: (r) => ratePercent(r.paid, r.budget) ?? '', type: 'percent' },
      ],
      regionRows,
      { sortable: true },
    ),
    dataTable(
      '지방자치단체별 집행률',
      [
        { label: '지방자치단체', value: (i) => governmentName(all, i.gov) },
        { label: '세출 예산액', value: (i) => i.budget, type: 'won' },
        { label: '지출액', value: (i) => i.paid, type: 'won' },
        { label: '집행률', value: (i) => i.executionRate, type: 'percent' },
      ],
      rates.items,
      { sortable: true },
    ),
  ];
}
