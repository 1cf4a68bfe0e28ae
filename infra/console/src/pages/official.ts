import { h } from '../dom.ts';
import { section } from '../ui.ts';
import { execution, fundStatus } from './government.ts';

/** 사업부서·재무관·지출원·징수관: 집행현황 by department and by 정책사업, the government's fund status. */
export function officialHome(gov: string, year: number, title: string): HTMLElement {
  return h(
    'div',
    { id: 'official-home' },
    h('h1', {}, title),
    section('부서별 집행현황', 'by-department', () => execution(gov, year, 'department')),
    section('정책사업별 집행현황', 'by-policy', () => execution(gov, year, 'policy')),
    section('자금 현황', 'funds', () => fundStatus(gov, year)),
  );
}
