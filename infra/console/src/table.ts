import { h } from './dom.ts';
import { won } from './format.ts';

export interface Column<Row> {
  readonly label: string;
  readonly value: (row: Row) => string | bigint | number;
  /** won: exact amount, right-aligned, △ negatives; percent: a decimal string; text otherwise. */
  readonly type?: 'text' | 'won' | 'percent';
}

const sortKey = (value: string | bigint | number, type: Column<unknown>['type']): string | bigint | number => {
  if (type === 'won') return /^-?\d+$/.test(String(value)) ? BigInt(value) : 0n;
  if (type === 'percent') return Number(value === '' ? Number.NEGATIVE_INFINITY : value);
  return String(value);
};

/**
 * A table with a caption and (unit) header; with `sortable`, each header is a button that sorts
 * by its column (again: the other way), announced through aria-sort. Amounts sort as BigInt.
 */
export function dataTable<Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: { sortable?: boolean } = {},
): HTMLTableElement {
  // The unit is said once, in the caption, when the table has amounts.
  const unit = columns.some((c) => c.type === 'won') ? h('span', { class: 'unit' }, ' (단위: 원)') : null;
  const table = h('table', { class: 'data' }, h('caption', {}, caption, unit));
  const body = h('tbody');
  const headers = columns.map((column, index) => {
    const th = h('th', { scope: 'col', class: column.type ?? 'text' });
    if (!options.sortable) th.textContent = column.label;
    else th.append(h('button', { type: 'button', onclick: () => sortBy(index) }, column.label));
    return th;
  });
  table.append(h('thead', {}, h('tr', {}, ...headers)), body);
  let order = [...rows];
  const render = () =>
    body.replaceChildren(
      ...(order.length === 0 ? [h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, '자료가 없습니다'))] : []),
      ...order.map((row) =>
        h(
          'tr',
          {},
          ...columns.map((column) => {
            const value = column.value(row);
            const text =
              column.type === 'won' ? won(value) : column.type === 'percent' ? (value === '' ? '—' : `${value}%`) : String(value);
            return h('td', { class: column.type ?? 'text' }, text);
          }),
        ),
      ),
    );
  const sortBy = (index: number) => {
    const column = columns[index];
    if (!column) return;
    const th = headers[index];
    const descending = th?.getAttribute('aria-sort') === 'ascending';
    for (const other of headers) other.removeAttribute('aria-sort');
    th?.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    order = [...rows].sort((a, b) => {
      const x = sortKey(column.value(a), column.type);
      const y = sortKey(column.value(b), column.type);
      const compared = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -compared : compared;
    });
    render();
  };
  render();
  return table;
}
