import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { koreanDate, percent, won, wonWithUnit } from '../format.ts';
import { dataTable } from '../table.ts';
import { figures, problemMessage } from '../ui.ts';

interface LineStatus {
  lineId: string;
  kind: 'expenditure' | 'revenue';
  account: string;
  dept: string;
  itemCode: string;
  budget: number;
  components: Record<'enacted' | 'carryIn' | 'transfer' | 'diversion' | 'reallocation' | 'reserve' | 'preEstablished', number>;
  allotted?: number;
  committed?: number;
  paid?: number;
  remainingToAllot?: number;
  remainingToCommit?: number;
  executionRate?: string;
  assessed?: number;
  received?: number;
  refunded?: number;
  collectionRate?: string;
}
interface LedgerPage {
  lines: { postingId: string; kind: string; date: string; amount: number; party?: string; reverses?: string }[];
  page: { count: number; totals: Record<string, string> };
  cursor?: string;
}

const componentLabels: readonly (readonly [keyof LineStatus['components'], string])[] = [
  ['enacted', '예산액'],
  ['carryIn', '전년도이월액'],
  ['transfer', '이용'],
  ['diversion', '전용'],
  ['reallocation', '이체'],
  ['reserve', '예비비'],
  ['preEstablished', '성립전예산'],
];

/** The line's own figures: 예산현액 and what became of it (세출) or what was collected (세입). */
function statusFigures(status: LineStatus): HTMLElement {
  if (status.kind === 'revenue')
    return figures([
      ['예산현액', wonWithUnit(status.budget)],
      ['징수결정액', wonWithUnit(status.assessed ?? 0)],
      ['수납액', wonWithUnit(status.received ?? 0)],
      ['환급액', wonWithUnit(status.refunded ?? 0)],
      ['징수율', percent(status.collectionRate)],
    ]);
  const paid = status.paid ?? 0;
  return figures([
    ['예산현액', wonWithUnit(status.budget)],
    ['배정액', wonWithUnit(status.allotted ?? 0)],
    ['원인행위액', wonWithUnit(status.committed ?? 0)],
    ['지출액', wonWithUnit(paid)],
    ['예산잔액 (예산현액 − 지출액)', wonWithUnit(status.budget - paid)],
    ['배정잔액 (배정액 − 원인행위액)', wonWithUnit(status.remainingToCommit ?? 0)],
    ['집행률', percent(status.executionRate)],
  ]);
}

/** The 지출부/수입부 of the line: its applied postings, a page at a time, with the page's totals per kind. */
function ledger(gov: string, year: number, lineId: string): HTMLElement {
  const holder = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, '다음 쪽');
  let cursor: string | undefined;
  const load = async () => {
    const page = await api<LedgerPage>(`/governments/${gov}/years/${year}/ledger`, { by: 'line', id: lineId, cursor });
    replace(
      holder,
      dataTable(
        `${lineId} 장부 (${page.page.count}건)`,
        [
          { label: '일자', value: (l) => koreanDate(l.date) },
          { label: '구분', value: (l) => (l.reverses ? `${l.kind} (정정: ${l.reverses})` : l.kind) },
          { label: '금액', value: (l) => l.amount, type: 'won' },
          { label: '상대방', value: (l) => l.party ?? '' },
          { label: '전표', value: (l) => l.postingId },
        ],
        page.lines,
      ),
      h(
        'p',
        { class: 'note' },
        `이 쪽의 구분별 합계: ${
          Object.entries(page.page.totals)
            .map(([kind, total]) => `${kind} ${won(total)}원`)
            .join(', ') || '없음'
        }`,
      ),
    );
    cursor = page.cursor;
    more.hidden = cursor === undefined;
  };
  more.addEventListener('click', () => void load().catch((error: unknown) => replace(holder, problemMessage(error))));
  void load().catch((error: unknown) => replace(holder, problemMessage(error)));
  return h('div', {}, holder, more);
}

/**
 * One budget line: 예산현액 with its components, allotted, committed, paid, what is left, and its
 * ledger (GET …/lines/{lineId}/status and GET …/ledger?by=line). A refused read shows the API's answer alone.
 */
export function budgetLine(gov: string, year: number, lineId: string, title: string): HTMLElement {
  const content = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, '불러오는 중…'));
  api<LineStatus>(`/governments/${gov}/budgets/${year}/lines/${encodeURIComponent(lineId)}/status`)
    .then((status) =>
      replace(
        content,
        h('p', {}, `회계 ${status.account} · 부서 ${status.dept} · 통계목 ${status.itemCode}`),
        statusFigures(status),
        dataTable(
          '예산현액의 구성',
          [
            { label: '구성', value: (c) => c[1] },
            { label: '금액', value: (c) => status.components[c[0]], type: 'won' },
          ],
          componentLabels,
        ),
        h(
          'section',
          { id: 'line-ledger', 'aria-labelledby': 'line-ledger-title' },
          h('h2', { id: 'line-ledger-title' }, status.kind === 'expenditure' ? '지출부' : '수입부'),
          ledger(gov, year, lineId),
        ),
      ),
    )
    .catch((error: unknown) => replace(content, problemMessage(error)))
    .finally(() => content.setAttribute('aria-busy', 'false'));
  return h('div', { id: 'budget-line' }, h('h1', {}, title), content);
}
