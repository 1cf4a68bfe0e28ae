import { api } from '../api.ts';
import { h } from '../dom.ts';
import { governmentName, governments } from '../governments.ts';
import { roleOperations } from '../role-operations.ts';
import { dataTable } from '../table.ts';
import { section } from '../ui.ts';

interface Application {
  applicationId: string;
  programId: string;
  state: string;
  projectName: string;
  amountAsked: number;
  allowedSteps: string[];
  gov?: string;
  year?: number;
}

/** The caller's own applications in every government (GET /subsidy-recipients/me/applications). */
async function myApplications(): Promise<Node> {
  const [{ items }, all] = await Promise.all([api<{ items: Application[] }>('/subsidy-recipients/me/applications'), governments()]);
  return dataTable(
    `나의 보조금 신청 ${items.length}건`,
    [
      { label: '지방자치단체', value: (a) => (a.gov ? governmentName(all, a.gov) : '') },
      { label: '연도', value: (a) => String(a.year ?? '') },
      { label: '사업명', value: (a) => a.projectName },
      { label: '보조사업', value: (a) => a.programId },
      { label: '신청액', value: (a) => a.amountAsked, type: 'won' },
      { label: '상태', value: (a) => a.state },
      { label: '다음에 할 수 있는 일', value: (a) => a.allowedSteps.join(', ') || '—' },
    ],
    items,
  );
}

/**
 * 지방보조사업자: its own applications in every government, and what the API lets it do (신청, 교부신청,
 * 집행 보고, 정산 보고, 이의신청); it reads nobody else's application and no government's books.
 */
export function recipientHome(title: string): HTMLElement {
  return h(
    'div',
    { id: 'recipient-home' },
    h('h1', {}, title),
    section('나의 보조금 신청', 'my-applications', myApplications),
    section('지방보조사업자가 API로 할 수 있는 일', 'recipient-operations', () => roleOperations('subsidy_recipient')),
  );
}
