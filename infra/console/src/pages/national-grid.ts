import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { percent, ratePercent, wonWithUnit } from '../format.ts';
import { governmentName, governments } from '../governments.ts';
import type { Government } from '../governments.ts';
import { dataTable } from '../table.ts';
import { figures } from '../ui.ts';

interface ExecutionRate {
  items: { gov: string; budget: string; paid: string; executionRate: string }[];
}
type Band = 'normal' | 'caution' | 'severe';
interface DebtRatios {
  asOf: string;
  outstandingTotal: string;
  bands: Record<Band | 'unknown', number>;
  items: {
    gov: string;
    name: string;
    outstanding: string;
    budget: string | null;
    ratio: { percent: string | null } | null;
    band: Band | null;
  }[];
}

/**
 * Where each 시·도 sits in the tile grid (column, row): roughly north-west to south-east as on a
 * map of Korea, nothing more. The grid is a tile grid, not a map: every 시·군·구 is one square of
 * the same size inside its 시·도, whatever its area or population.
 */
const tilePlaces: Readonly<Record<string, readonly [number, number]>> = {
  '28000': [1, 1], // 인천
  '11000': [2, 1], // 서울
  '51000': [3, 1], // 강원
  '41000': [2, 2], // 경기
  '44000': [1, 3], // 충남
  '36110': [2, 3], // 세종
  '43000': [3, 3], // 충북
  '47000': [4, 3], // 경북
  '30000': [2, 4], // 대전
  '27000': [3, 4], // 대구
  '31000': [4, 4], // 울산
  '52000': [1, 5], // 전북
  '48000': [3, 5], // 경남
  '26000': [4, 5], // 부산
  '29000': [1, 6], // 광주
  '46000': [2, 6], // 전남
  '50000': [1, 7], // 제주
};

/** 집행률 classes for the tiles' colour (the figure itself is written on each 시·도 tile and in the tables). */
const rateSteps: readonly (readonly [number, string])[] = [
  [90, 'rate-5'],
  [75, 'rate-4'],
  [50, 'rate-3'],
  [25, 'rate-2'],
  [0, 'rate-1'],
];
const rateClass = (rate: string | null): string =>
  rate === null ? 'none' : (rateSteps.find(([floor]) => Number(rate) >= floor)?.[1] ?? 'rate-1');

/**
 * 채무비율 bands as the API decides them (`shared/domain/debt/debt-ratio.ts`): 40% 초과 심각 (지방재정법
 * 시행령 제65조의2, 재정위기단체 지정기준), 25% 초과 주의 (행정안전부 훈령 「지방재정위기 사전경보 운영규정」,
 * [U]: the current 훈령 was not read), otherwise 정상; 미산정 without a final budget.
 */
const bandLabels: Readonly<Record<Band | 'unknown', string>> = { normal: '정상', caution: '주의', severe: '심각', unknown: '미산정' };
const BAND_SOURCE = '40% 초과 심각 (지방재정법 시행령 제65조의2), 25% 초과 주의 (행정안전부 훈령, 미확인), 나머지 정상';

interface Cell {
  readonly gov: Government;
  readonly rate: string | null;
  readonly band: Band | 'unknown';
  readonly debtPercent: string | null;
}

/**
 * The 17 시·도 and their 226 시·군·구 as a tile grid coloured by 집행률 or by 채무비율 구분 (a choice of
 * two radio buttons), with the band counts and the per-government debt table. Each 시·도 tile writes
 * its figure; each 시·군·구 square carries its name and figure as its accessible label.
 */
export async function nationalGrid(year: number): Promise<Node[]> {
  const [rates, debts, all] = await Promise.all([
    api<ExecutionRate>(`/years/${year}/execution-rate`),
    api<DebtRatios>(`/debt-ratios/${year}`),
    governments(),
  ]);
  const rateOf = new Map(rates.items.map((i) => [i.gov, i]));
  const debtOf = new Map(debts.items.map((i) => [i.gov, i]));
  const cellOf = (gov: Government, rate: string | null): Cell => {
    const debt = debtOf.get(gov.code);
    return { gov, rate, band: debt?.band ?? 'unknown', debtPercent: debt?.ratio?.percent ?? null };
  };
  const regions = [...all.values()].filter((g) => g.level === 'metropolitan');
  const members = (code: string) => [...all.values()].filter((g) => g.parentCode === code);
  // A 시·도 tile's 집행률 is its own budget with its 시·군·구 summed, as in the 시·도 table.
  const regionRate = (code: string): string | null => {
    let budget = 0n;
    let paid = 0n;
    for (const gov of [code, ...members(code).map((m) => m.code)]) {
      const found = rateOf.get(gov);
      if (!found) continue;
      budget += BigInt(found.budget);
      paid += BigInt(found.paid);
    }
    return ratePercent(paid, budget);
  };
  const grid = h('div', { class: 'tile-grid', id: 'tile-grid', 'data-metric': 'rate' });
  for (const region of regions) {
    const [column, row] = tilePlaces[region.code] ?? [5, 1];
    const cell = cellOf(region, regionRate(region.code));
    const squares = members(region.code).map((m) => cellOf(m, rateOf.get(m.code)?.executionRate ?? null));
    const tile = h(
      'section',
      {
        class: `tile ${rateClass(cell.rate)} band-${cell.band}`,
        'data-gov': region.code,
        'aria-label': `${region.nameKo}: 집행률 ${percent(cell.rate)}, 채무비율 ${percent(cell.debtPercent)} ${bandLabels[cell.band]}`,
      },
      h('h3', {}, region.nameKo),
      h('p', { class: 'tile-rate' }, `집행률 ${percent(cell.rate)}`),
      h('p', { class: 'tile-band' }, `채무 ${bandLabels[cell.band]}`),
      squares.length > 0
        ? h(
            'ul',
            { class: 'squares', 'aria-label': `${region.nameKo} 시·군·구 ${squares.length}곳` },
            ...squares.map((s) =>
              h('li', {
                class: `${rateClass(s.rate)} band-${s.band}`,
                'data-gov': s.gov.code,
                title: `${s.gov.nameKo}: 집행률 ${percent(s.rate)}, 채무 ${bandLabels[s.band]}`,
                'aria-label': `${s.gov.nameKo}: 집행률 ${percent(s.rate)}, 채무 ${bandLabels[s.band]}`,
              }),
            ),
          )
        : null,
    );
    // Through the CSSOM: the console's content security policy allows no inline style attributes.
    tile.style.gridColumn = String(column);
    tile.style.gridRow = String(row);
    grid.append(tile);
  }
  const choose = (metric: 'rate' | 'band', label: string, checked: boolean) =>
    h(
      'label',
      {},
      h('input', {
        type: 'radio',
        name: 'grid-metric',
        value: metric,
        checked,
        onchange: () => grid.setAttribute('data-metric', metric),
      }),
      ` ${label}`,
    );
  const legend = h('div', { class: 'legend', id: 'grid-legend' });
  replace(
    legend,
    h(
      'p',
      { class: 'legend-rate' },
      '집행률: ',
      ...['rate-1', 'rate-2', 'rate-3', 'rate-4', 'rate-5'].map((c, i) =>
        h('span', { class: `swatch ${c}` }, ['25% 미만', '25–50%', '50–75%', '75–90%', '90% 이상'][i] ?? ''),
      ),
      h('span', { class: 'swatch none' }, '예산 없음'),
    ),
    h(
      'p',
      { class: 'legend-band' },
      '채무비율 구분: ',
      ...(['normal', 'caution', 'severe', 'unknown'] as const).map((b) => h('span', { class: `swatch band-${b}` }, bandLabels[b])),
    ),
  );
  const basics = [...all.values()].filter((g) => g.level === 'basic').length;
  return [
    figures([
      ['채무 합계', wonWithUnit(debts.outstandingTotal)],
      ...(['normal', 'caution', 'severe', 'unknown'] as const).map((b) => [`채무비율 ${bandLabels[b]}`, `${debts.bands[b]}곳`] as const),
    ]),
    h('p', { class: 'note', id: 'band-source' }, `채무비율 구분 기준 (예산대비채무비율, ${debts.asOf} 기준): ${BAND_SOURCE}.`),
    h(
      'figure',
      { class: 'tiles' },
      h(
        'figcaption',
        {},
        `타일 격자 (지도가 아닙니다): 시·도 ${regions.length}곳을 대략의 위치에, 시·군·구 ${basics}곳을 같은 크기의 칸으로 그립니다. 수치는 아래 표에 있습니다.`,
      ),
      h(
        'fieldset',
        { class: 'filters' },
        h('legend', {}, '색으로 보기'),
        choose('rate', '집행률', true),
        choose('band', '채무비율 구분', false),
      ),
      legend,
      grid,
    ),
    dataTable(
      '지방자치단체별 예산대비채무비율',
      [
        { label: '지방자치단체', value: (i) => governmentName(all, i.gov) },
        { label: '채무', value: (i) => i.outstanding, type: 'won' },
        { label: '최종예산 (세출)', value: (i) => i.budget ?? '', type: 'won' },
        { label: '채무비율', value: (i) => i.ratio?.percent ?? '', type: 'percent' },
        { label: '구분', value: (i) => bandLabels[i.band ?? 'unknown'] },
      ],
      debts.items,
      { sortable: true },
    ),
  ];
}
