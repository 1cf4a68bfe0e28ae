import { api } from './api.ts';
import { h } from './dom.ts';
import { dataTable } from './table.ts';

interface Operation {
  summary?: string;
  'x-summary-ko'?: string;
  'x-access'?: { kind: string; roles?: string[]; write?: boolean };
}

/**
 * What a role may do through the API, read from the API's own description (GET /openapi.json, each
 * operation's `x-access`): the console states no rights of its own, so this list cannot drift from
 * what the API enforces.
 */
export async function roleOperations(role: string): Promise<Node[]> {
  const spec = await api<{ paths: Record<string, Record<string, Operation>> }>('/openapi.json');
  const rows = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => op['x-access']?.roles?.includes(role))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        what: op['x-summary-ko'] ?? op.summary ?? '',
        write: op['x-access']?.write === true,
      })),
  );
  return [
    h(
      'p',
      { class: 'note' },
      `이 역할이 부를 수 있는 API ${rows.length}개 (공개 API 설명서에서 읽음; 공개 자료는 누구나 읽을 수 있습니다).`,
    ),
    dataTable(
      '이 역할이 할 수 있는 일',
      [
        { label: '구분', value: (r) => (r.write ? '처리' : '조회') },
        { label: '요청', value: (r) => `${r.method} ${r.path}` },
        { label: '내용', value: (r) => r.what },
      ],
      rows,
    ),
  ];
}
