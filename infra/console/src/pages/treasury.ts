import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { koreanDate, wonWithUnit } from '../format.ts';
import { roleOperations } from '../role-operations.ts';
import { figures, problemMessage, section } from '../ui.ts';

interface PostingStatus {
  postingId: string;
  kind: string;
  status: 'queued' | 'applied' | 'rejected';
  acceptedAt: string;
  decidedAt?: string;
  amount?: number;
  reason?: { rule: string; detail: string };
}

const statusNames: Readonly<Record<PostingStatus['status'], string>> = { queued: '처리 대기', applied: '반영됨', rejected: '거부됨' };

/** A posting looked up by its id (GET /governments/{gov}/postings/{postingId}): the one read a 금고 has. */
function postingLookup(gov: string): HTMLElement {
  const result = h('div', { id: 'posting-result', 'aria-live': 'polite' });
  const input = h('input', { id: 'posting-id', name: 'postingId', required: true, pattern: '[A-Za-z0-9\\-]{8,64}', autocomplete: 'off' });
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        result.setAttribute('aria-busy', 'true');
        api<PostingStatus>(`/governments/${gov}/postings/${encodeURIComponent(input.value)}`)
          .then((posting) =>
            replace(
              result,
              figures([
                ['전표', posting.postingId],
                ['구분', posting.kind],
                ['상태', statusNames[posting.status]],
                ['금액', posting.amount === undefined ? '—' : wonWithUnit(posting.amount)],
                ['접수일', koreanDate(posting.acceptedAt)],
                ['처리일', posting.decidedAt ? koreanDate(posting.decidedAt) : '—'],
              ]),
              posting.reason ? h('p', { class: 'problem' }, `거부 사유 — ${posting.reason.rule}: ${posting.reason.detail}`) : null,
            ),
          )
          .catch((error: unknown) => replace(result, problemMessage(error)))
          .finally(() => result.setAttribute('aria-busy', 'false'));
      },
    },
    h('label', { for: 'posting-id' }, '전표 번호'),
    input,
    h('button', { type: 'submit' }, '상태 조회'),
  );
  return h('div', {}, form, result);
}

/**
 * 금고 (지정 금융기관): the bank link's own view — the postings it may look up and the operations the
 * API lets it perform (지급, 반납, 수납, 보관금 반환); it reads no budget, ledger or report.
 */
export function treasuryHome(gov: string, title: string): HTMLElement {
  return h(
    'div',
    { id: 'treasury-home' },
    h('h1', {}, title),
    h(
      'section',
      { id: 'posting-lookup', 'aria-labelledby': 'posting-lookup-title' },
      h('h2', { id: 'posting-lookup-title' }, '전표 처리 상태'),
      postingLookup(gov),
    ),
    section('금고가 API로 할 수 있는 일', 'treasury-operations', () => roleOperations('treasury_bank')),
  );
}
