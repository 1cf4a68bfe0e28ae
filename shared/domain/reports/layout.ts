import type { Cell, ReportColumn, ReportRow, ReportTable } from '#shared/domain/reports/report.ts';

/**
 * A table as it is printed (CSV, XLSX): name columns beside coded columns, and the subtotal and
 * total rows its summary asks for. JSON keeps the table as computed (rows only, names apart).
 * Source: practice (결산서 forms total each 회계 and the whole).
 */
export interface PrintedTable {
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly PrintedRow[];
}

export interface PrintedRow {
  readonly cells: ReportRow;
  /** 'subtotal' and 'total' rows are printed bold. */
  readonly kind: 'line' | 'subtotal' | 'total';
}

export const SUBTOTAL_LABEL = '소계';
export const TOTAL_LABEL = '합계';

export function printedTable(table: ReportTable): PrintedTable {
  const columns = table.columns.flatMap((c) =>
    table.names?.[c.key] ? [c, { key: nameKey(c.key), label: `${c.label}명`, type: 'text' as const }] : [c],
  );
  // 소계 rows carry their group's code (회계 GEN), so they are named too.
  return { columns, rows: summarised(table.rows, table).map((row) => ({ ...row, cells: withNames(row.cells, table) })) };
}

const nameKey = (key: string): string => `${key}:name`;

function withNames(row: ReportRow, table: ReportTable): ReportRow {
  if (!table.names) return row;
  const names: Record<string, Cell> = {};
  for (const [key, byCode] of Object.entries(table.names)) {
    const code = row[key];
    if (typeof code === 'string') names[nameKey(key)] = byCode[code] ?? '';
  }
  return { ...row, ...names };
}

function summarised(rows: readonly ReportRow[], table: ReportTable): PrintedRow[] {
  const lines = rows.map((cells) => ({ cells, kind: 'line' as const }));
  const summary = table.summary;
  if (!summary) return lines;
  const amounts = table.columns.filter((c) => c.type === 'won').map((c) => c.key);
  const sumOf = (group: readonly ReportRow[], label: string, kind: PrintedRow['kind'], groupValue?: Cell): PrintedRow => {
    const cells: Record<string, Cell> = { [summary.labelColumn]: label };
    if (summary.groupBy !== undefined && groupValue !== undefined) cells[summary.groupBy] = groupValue;
    for (const key of amounts) cells[key] = group.reduce((s, r) => s + asWon(r[key]), 0n);
    return { cells, kind };
  };
  const out: PrintedRow[] = [];
  if (summary.groupBy !== undefined) {
    const by = summary.groupBy;
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]?.[by] === rows[start]?.[by]) continue;
      const group = rows.slice(start, i);
      out.push(...lines.slice(start, i), sumOf(group, SUBTOTAL_LABEL, 'subtotal', rows[start]?.[by]));
      start = i;
    }
  } else {
    out.push(...lines);
  }
  out.push(sumOf(rows, TOTAL_LABEL, 'total'));
  return out;
}

const asWon = (cell: Cell | undefined): bigint => (typeof cell === 'bigint' ? cell : 0n);
