import { api } from '../api.ts';
import { h } from '../dom.ts';
import { percent, wonWithUnit } from '../format.ts';
import { dataTable } from '../table.ts';
import { figures } from '../ui.ts';

interface Totals {
  revenueTotal: string;
  expenditureTotal: string;
}
interface NationalTotal {
  governments: number;
  gross: Totals;
  net: Totals & { internalTransfers: string; intergovernmentalTransfers: string };
}
interface Ratio {
  percent: string | null;
}
interface AverageFigures {
  revenueTotal: string;
  fiscalIndependence: Ratio;
  fiscalAutonomy: Ratio;
}
interface IndicatorAverages {
  basis: string;
  governments: number;
  national: AverageFigures & { netted: string };
  provinces: (AverageFigures & { code: string; name: string; governments: number })[];
}

/**
 * The national budget of the year in 총계 and 순계 (GET /budgets/{year}/national-total: 순계 less the
 * 전입금 between a government's own 회계 and the 조정교부금·시·도비보조금 from a 시·도), and the
 * official indicator averages over the 순계 (GET /disclosure/{year}/indicator-averages).
 */
export async function nationalTotals(year: number): Promise<Node[]> {
  const [total, averages] = await Promise.all([
    api<NationalTotal>(`/budgets/${year}/national-total`),
    api<IndicatorAverages>(`/disclosure/${year}/indicator-averages`),
  ]);
  return [
    h(
      'table',
      { class: 'data', id: 'gross-net' },
      h('caption', {}, `${year}년 전국 최종예산 (${total.governments}곳)`, h('span', { class: 'unit' }, ' (단위: 원)')),
      h('thead', {}, h('tr', {}, ...['구분', '세입', '세출'].map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        ...(
          [
            ['총계', total.gross.revenueTotal, total.gross.expenditureTotal],
            ['회계간 전입금 (공제)', total.net.internalTransfers, total.net.internalTransfers],
            ['자치단체간 이전 (공제)', total.net.intergovernmentalTransfers, total.net.intergovernmentalTransfers],
            ['순계', total.net.revenueTotal, total.net.expenditureTotal],
          ] as const
        ).map(([label, revenue, expenditure]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, label),
            h('td', { class: 'won' }, wonWithUnit(revenue)),
            h('td', { class: 'won' }, wonWithUnit(expenditure)),
          ),
        ),
      ),
    ),
    figures([
      [`재정자립도 전국 평균 (${averages.basis})`, percent(averages.national.fiscalIndependence.percent)],
      [`재정자주도 전국 평균 (${averages.basis})`, percent(averages.national.fiscalAutonomy.percent)],
      ['평균에 든 지방자치단체', `${averages.governments}곳`],
    ]),
    dataTable(
      `시·도별 재정지표 평균 (${averages.basis}, 관할 시·군·구 포함)`,
      [
        { label: '시·도', value: (p) => p.name },
        { label: '지방자치단체', value: (p) => `${p.governments}곳` },
        { label: '세입 (순계)', value: (p) => p.revenueTotal, type: 'won' },
        { label: '재정자립도', value: (p) => p.fiscalIndependence.percent ?? '', type: 'percent' },
        { label: '재정자주도', value: (p) => p.fiscalAutonomy.percent ?? '', type: 'percent' },
      ],
      averages.provinces,
      { sortable: true },
    ),
  ];
}
