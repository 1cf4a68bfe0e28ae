import { ApiProblem } from './api.ts';
import { h, replace } from './dom.ts';

/** What a failed load says on the page: the API's status, code and detail, in Korean first. */
export function problemMessage(error: unknown): HTMLElement {
  if (error instanceof ApiProblem) {
    const why =
      error.status === 403
        ? '이 자료를 볼 권한이 없습니다'
        : error.status === 401
          ? '로그인이 필요합니다'
          : error.status === 404
            ? '자료가 없습니다'
            : '자료를 불러오지 못했습니다';
    return h('p', { class: 'problem', role: 'alert' }, `${why} — ${error.status} ${error.code}: ${error.detail}`);
  }
  return h(
    'p',
    { class: 'problem', role: 'alert' },
    `자료를 불러오지 못했습니다 — ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** A titled section that loads its content; while loading it says so (aria-busy), a refusal shows as a message. */
export function section(title: string, id: string, load: () => Promise<Node | Node[]>): HTMLElement {
  const body = h('div', { class: 'section-body', 'aria-busy': 'true' }, h('p', { class: 'loading' }, '불러오는 중…'));
  const element = h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), body);
  load()
    .then((content) => replace(body, ...(Array.isArray(content) ? content : [content])))
    .catch((error: unknown) => replace(body, problemMessage(error)))
    .finally(() => body.setAttribute('aria-busy', 'false'));
  return element;
}

/** A row of headline figures (label, value). */
export const figures = (items: readonly (readonly [string, string])[]): HTMLElement =>
  h('dl', { class: 'figures' }, ...items.flatMap(([label, value]) => [h('div', {}, h('dt', {}, label), h('dd', {}, value))]));
