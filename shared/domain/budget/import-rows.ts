import { lineIdOf, toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { parseCsv } from '#shared/domain/budget/csv.ts';
import { lineAccountingProblem } from '#shared/domain/budget/line-accounting.ts';
import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';
import { budgetLineInput } from '#shared/schemas/budget.ts';

/**
 * Validation of a whole-budget import. Every row is checked (schema, code tables, the
 * government's accounts and departments, the journal attributes, duplicate line keys) and every problem is reported with
 * its row, column and reason; the import is written only when there is none.
 * Source: practice (all-or-nothing bulk import); the codes checked follow 지방재정법 제41조.
 */
export interface RowError {
  /** JSON: 1-based index in `lines`; CSV: line number in the file (the header is line 1). */
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  /** The problem code of a rule the row breaks, where one applies (e.g. asset-class-required). */
  readonly code?: ProblemCode;
}

export interface ImportContext {
  readonly accounts: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
}

export type ImportValidation =
  | { readonly ok: true; readonly lines: readonly BudgetLine[] }
  /** `errors` holds the first 1000; `errorCount` counts them all. */
  | { readonly ok: false; readonly errors: readonly RowError[]; readonly errorCount: number };

export interface ImportRow {
  readonly row: number;
  readonly value: unknown;
}

/** The program structure of an expenditure line (정책사업 · 단위사업 · 세부사업 and the 통계목): its own columns. */
const programColumns = ['policyCode', 'policyName', 'unitCode', 'unitName', 'detailCode', 'detailName', 'statItem'] as const;

/** CSV header: the field names of a line; expenditure and revenue rows leave the other kind's columns empty. */
export const csvColumns = [
  'kind',
  'account',
  ...programColumns,
  'sector',
  'category',
  'item',
  'name',
  'dept',
  'fundingSource',
  'amount',
  'mandatory',
  'description',
  'structureType',
  'assetClass',
  'assetAccount',
  'usefulLifeYears',
  'internalCounterpart',
  'debtInstrument',
  'revenueCode',
] as const;

const expenditureOnly = [...programColumns, 'fundingSource', 'mandatory', 'structureType', 'assetClass', 'assetAccount', 'usefulLifeYears'];
const revenueOnly = ['category', 'item', 'name', 'revenueCode'];

export const rowsFromJson = (lines: readonly unknown[]): ImportRow[] => lines.map((value, index) => ({ row: index + 1, value }));

export function rowsFromCsv(text: string): { readonly rows: ImportRow[] } | { readonly errors: RowError[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { errors: [{ row: parsed.line, column: '(file)', reason: parsed.reason }] };
  const [header, ...records] = parsed.records;
  if (!header) return { errors: [{ row: 1, column: '(header)', reason: 'the file is empty' }] };
  const errors: RowError[] = [];
  const known = new Set<string>(csvColumns);
  for (const name of header.fields)
    if (!known.has(name)) errors.push({ row: 1, column: name, reason: `unknown column; columns are ${csvColumns.join(',')}` });
  for (const name of ['kind', 'account', 'dept', 'amount'])
    if (!header.fields.includes(name)) errors.push({ row: 1, column: name, reason: 'required column missing' });
  if (errors.length > 0) return { errors };
  if (records.length === 0) return { errors: [{ row: 2, column: '(file)', reason: 'no lines after the header' }] };
  const rows = records.map((record) => {
    if (record.fields.length !== header.fields.length) {
      return { row: record.line, value: { __columnCount: record.fields.length, __expected: header.fields.length } };
    }
    const value: Record<string, unknown> = {};
    header.fields.forEach((name, index) => {
      const text = record.fields[index] ?? '';
      if (text === '') return;
      value[name] = name === 'amount' || name === 'usefulLifeYears' ? csvNumber(text) : name === 'mandatory' ? csvBoolean(text) : text;
    });
    const kind = value.kind;
    for (const name of kind === 'revenue' ? expenditureOnly : kind === 'expenditure' ? revenueOnly : []) delete value[name];
    return { row: record.line, value };
  });
  return { rows };
}

const csvNumber = (text: string): unknown => (/^\d+$/.test(text) ? Number(text) : text);
const csvBoolean = (text: string): unknown => (text === 'true' || text === 'Y' ? true : text === 'false' || text === 'N' ? false : text);

const MAX_REPORTED_ERRORS = 1000;

export function validateImport(rows: readonly ImportRow[], context: ImportContext): ImportValidation {
  const errors: RowError[] = [];
  const lines: BudgetLine[] = [];
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    const shape = value as { __columnCount?: number; __expected?: number };
    if (shape && typeof shape === 'object' && shape.__columnCount !== undefined) {
      errors.push({ row, column: '(row)', reason: `${shape.__columnCount} fields where the header has ${shape.__expected}` });
      continue;
    }
    const parsed = budgetLineInput.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = (issue as { keys?: string[] }).keys;
        if (issue.code === 'unrecognized_keys' && keys) for (const key of keys) errors.push({ row, column: key, reason: 'unknown field' });
        else errors.push({ row, column: issue.path.map(String).join('.') || '(row)', reason: issue.message });
      }
      continue;
    }
    const input = parsed.data;
    const before = errors.length;
    if (!context.accounts.has(input.account))
      errors.push({ row, column: 'account', reason: `no account ${input.account} for this government` });
    if (!context.departments.has(input.dept))
      errors.push({ row, column: 'dept', reason: `no department ${input.dept} for this government` });
    const accounting = lineAccountingProblem(input, context.accounts);
    if (accounting) errors.push({ row, column: accounting.field, reason: accounting.detail, code: accounting.code });
    const id = lineIdOf(input);
    const first = seen.get(id);
    if (first !== undefined)
      errors.push({
        row,
        column: input.kind === 'expenditure' ? 'statItem' : 'item',
        reason: `duplicate line ${id}: same key as row ${first}`,
      });
    else seen.set(id, row);
    if (errors.length === before) lines.push(toBudgetLine(input));
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length };
  return { ok: true, lines };
}

/** An import with invalid rows is refused whole, naming each row, column and reason. */
export const importRejected = (errors: readonly RowError[], errorCount: number): Refusal =>
  refusal(
    'unprocessable',
    'import-rejected',
    `the import has ${errorCount} error(s) and nothing was written; first: row ${errors[0]?.row} ${errors[0]?.column}: ${errors[0]?.reason}`,
    {
      errorCount,
      errors,
    },
  );
