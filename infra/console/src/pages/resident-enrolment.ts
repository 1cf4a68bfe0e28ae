import { api, apiPost } from '../api.ts';
import { h, replace } from '../dom.ts';
import { koreanDate } from '../format.ts';
import { figures, problemMessage, section } from '../ui.ts';

interface Standing {
  gov: string | null;
  since: string | null;
  pending: { enrolmentId: string; gov: string; requestedAt: string } | null;
  lastDecision: { enrolmentId: string; gov: string; outcome: 'approved' | 'refused'; decidedAt: string; reason?: string } | null;
}

const refusalReasons: Record<string, string> = {
  'identity-not-confirmed': '본인확인이 되지 않았습니다',
  'not-resident': '그 자치단체의 주민이 아닙니다',
  'check-not-completed': '본인확인 절차를 마치지 않았습니다',
};

/**
 * A signed-in resident's own page (issue #19, finding 10): their government (the enrolment their
 * government approved after an identity check, never the token's claim), the request waiting for a
 * decision with the id to present at the 본인확인, the last decision, and the form to ask.
 */
export function residentEnrolment(title: string): HTMLElement {
  const content = h('div', { id: 'enrolment-body' });
  const load = async (): Promise<Node[]> => {
    const standing = await api<Standing>('/resident-enrolments/mine');
    const last = standing.lastDecision;
    return [
      figures([
        ['소속 자치단체', standing.gov ?? '없음 (등록 승인 전)'],
        ['등록일', standing.since ? koreanDate(standing.since) : '—'],
      ]),
      standing.gov
        ? h('p', {}, h('a', { href: `#/public/${standing.gov}` }, '우리 자치단체의 공개 자료·주민참여예산'))
        : h('p', {}, '주민참여예산에 참여하려면 사는 자치단체에 등록을 신청하고 본인확인을 받으세요.'),
      standing.pending
        ? h(
            'p',
            { id: 'enrolment-pending' },
            `심사 중: ${standing.pending.gov} (신청 ${koreanDate(standing.pending.requestedAt)}) — 본인확인 때 신청번호 `,
            h('code', {}, standing.pending.enrolmentId),
            '를 제시하세요.',
          )
        : applyForm(() => void refresh()),
      last
        ? h(
            'p',
            { id: 'enrolment-last' },
            `최근 결정: ${last.gov} ${last.outcome === 'approved' ? '승인' : `거절 (${refusalReasons[last.reason ?? ''] ?? last.reason})`}, ${koreanDate(last.decidedAt)}`,
          )
        : false,
    ].filter((node): node is HTMLElement => node !== false);
  };
  const refresh = async () => {
    content.setAttribute('aria-busy', 'true');
    try {
      replace(content, ...(await load()));
    } catch (error) {
      replace(content, problemMessage(error));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  };
  return h(
    'div',
    { id: 'resident-enrolment' },
    h('h1', {}, title),
    section('주민 등록', 'enrolment', async () => {
      await refresh();
      return content;
    }),
  );
}

/** The request: the government's code and nothing else (the API takes the resident from the token). */
function applyForm(done: () => void): HTMLElement {
  const input = h('input', { id: 'enrol-gov', name: 'gov', inputmode: 'numeric', pattern: '\\d{5}', required: true, autocomplete: 'off' });
  const message = h('div', { 'aria-live': 'polite' });
  return h(
    'form',
    {
      id: 'enrol-form',
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        apiPost('/resident-enrolments', { gov: input.value })
          .then(done)
          .catch((error: unknown) => replace(message, problemMessage(error)));
      },
    },
    h('label', { for: 'enrol-gov' }, '사는 지방자치단체 코드 (5자리, 예: 11110 종로구)'),
    input,
    h('button', { type: 'submit' }, '등록 신청'),
    message,
  );
}
