import { api } from '../api.ts';
import { h } from '../dom.ts';
import { koreanDate, wonWithUnit } from '../format.ts';
import { dataTable } from '../table.ts';
import { figures, section } from '../ui.ts';
import { indicators } from './government.ts';

interface Summary {
  version: number;
  revenue: { code: string; name: string; amount: string }[];
  expenditure: { code: string; name: string; amount: string }[];
  revenueTotal: string;
  expenditureTotal: string;
}
interface Cycle {
  state: string;
  voteLimit: number;
  budgetCap: number;
  proposals: number;
  createdAt: string;
}
interface Proposal {
  title: string;
  fieldName: string;
  estimatedCost: number;
  state: string;
  votes?: number;
  submittedAt: string;
}

const cycleStates: Record<string, string> = { open: '제안 접수', review: '심사', voting: '투표', closed: '마감' };

/** 주민 and anyone not signed in: the disclosed budget, indicators, participatory budgeting (all public routes). */
export function residentHome(gov: string, year: number, title: string): HTMLElement {
  return h(
    'div',
    { id: 'resident-home' },
    h('h1', {}, title),
    section('예산 공개', 'budget-summary', async () => {
      const summary = await api<Summary>(`/governments/${gov}/disclosure/${year}/budget-summary`);
      return [
        figures([
          ['세입', wonWithUnit(summary.revenueTotal)],
          ['세출', wonWithUnit(summary.expenditureTotal)],
          ['예산', summary.version === 0 ? '본예산' : `제${summary.version}회 추경`],
        ]),
        dataTable(
          '세입 (구분별)',
          [
            { label: '구분', value: (r) => r.name },
            { label: '금액', value: (r) => r.amount, type: 'won' },
          ],
          summary.revenue,
        ),
        dataTable(
          '세출 (분야별)',
          [
            { label: '분야', value: (r) => r.name },
            { label: '금액', value: (r) => r.amount, type: 'won' },
          ],
          summary.expenditure,
        ),
      ];
    }),
    section('재정지표', 'indicators', () => indicators(gov, year)),
    section('주민참여예산', 'participation', async () => {
      const cycle = await api<Cycle>(`/governments/${gov}/participation/${year}/cycle`);
      const proposals = await api<{ items: Proposal[] }>(`/governments/${gov}/participation/${year}/proposals`);
      return [
        figures([
          ['단계', cycleStates[cycle.state] ?? cycle.state],
          ['사업비 한도', wonWithUnit(cycle.budgetCap)],
          ['1인 투표 수', `${cycle.voteLimit}표`],
          ['제안', `${cycle.proposals}건`],
        ]),
        dataTable(
          '제안 사업',
          [
            { label: '사업명', value: (p) => p.title },
            { label: '분야', value: (p) => p.fieldName },
            { label: '추정 사업비', value: (p) => p.estimatedCost, type: 'won' },
            { label: '상태', value: (p) => p.state },
            { label: '득표', value: (p) => (p.votes === undefined ? '—' : String(p.votes)) },
            { label: '제안일', value: (p) => koreanDate(p.submittedAt) },
          ],
          proposals.items,
          { sortable: true },
        ),
      ];
    }),
  );
}
