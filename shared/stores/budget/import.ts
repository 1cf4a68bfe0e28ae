import { randomUUID } from 'node:crypto';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { tableName } from '#shared/config/env.ts';
import { rowsFromCsv, rowsFromJson, validateImport } from '#shared/domain/budget/import-rows.ts';
import type { ImportRow, RowError } from '#shared/domain/budget/import-rows.ts';
import { revisionConflict, versionNotFound } from '#shared/domain/budget/problems.ts';
import { totalsOf } from '#shared/domain/budget/totals.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { unprocessable } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';
import { editingRole } from '#shared/stores/budget/line-edit.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import {
  getVersion,
  lineItem,
  readAllLines,
  totalsAttributes,
  versionLinesPartition,
  versionUpdate,
} from '#shared/stores/budget/version.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

export type ImportSource = { readonly lines: readonly unknown[] } | { readonly csv: string };

/**
 * Replaces all lines of an open version with an imported budget, all or nothing: every row is
 * validated first (any error rejects the whole import with row, column and reason); the lines are
 * then written as a new generation with parallel BatchWrites, invisible until one conditional
 * write on the version item (revision and state unchanged) switches the version to it.
 */
export async function importLines(
  request: RequestInfo,
  caller: Caller,
  gov: string,
  year: number,
  number: number,
  revision: number,
  source: ImportSource,
) {
  const version = await getVersion(gov, year, number);
  if (!version) throw versionNotFound(gov, year, number);
  if (version.revision !== revision) throw revisionConflict(number, revision, version.revision);
  editingRole(version, caller);

  const parsed = 'csv' in source ? rowsFromCsv(source.csv) : { rows: rowsFromJson(source.lines) };
  if ('errors' in parsed) throw importRejected(parsed.errors, parsed.errors.length);
  const lines = await validated(gov, parsed.rows);

  const staged = { ...version, generation: randomUUID().slice(0, 8) };
  const partition = versionLinesPartition(staged);
  await batchWrite(lines.map((line) => ({ PutRequest: { Item: lineItem(partition, line) } })));

  const totals = totalsOf(lines);
  const outcome = await transactList([
    versionUpdate(version, { ...totalsAttributes(totals, lines.length), generation: staged.generation }),
    auditPut(tableName(), auditRecord(request, { gov, operation: 'importBudgetLines', target: `budget-version ${gov}/${year}/${number}` })),
  ]);
  if (!outcome.ok) {
    await deleteGeneration(partition, lines);
    const current = await getVersion(gov, year, number);
    throw revisionConflict(number, revision, current?.revision ?? revision + 1);
  }
  await deleteGeneration(versionLinesPartition(version), await readAllLines(version));
  return { revision: version.revision + 1, lineCount: lines.length, expenditureTotal: totals.expenditure, revenueTotal: totals.revenue };
}

async function validated(gov: string, rows: readonly ImportRow[]): Promise<readonly BudgetLine[]> {
  const [accounts, departments] = await Promise.all([listAccounts(gov), listDepartments(gov)]);
  const result = validateImport(rows, {
    accounts: new Set(accounts.map((a) => a.code)),
    departments: new Set(departments.map((d) => d.code)),
  });
  if (!result.ok) throw importRejected(result.errors, result.errorCount);
  return result.lines;
}

const importRejected = (errors: readonly RowError[], errorCount: number): Refused =>
  unprocessable(
    'import-rejected',
    `the import has ${errorCount} error(s) and nothing was written; first: row ${errors[0]?.row} ${errors[0]?.column}: ${errors[0]?.reason}`,
    {
      errorCount,
      errors,
    },
  );

/** Staged or replaced generations are invisible; removing them only reclaims space. */
const deleteGeneration = (partition: string, lines: readonly BudgetLine[]) =>
  batchWrite(lines.map((line) => ({ DeleteRequest: { Key: { pk: partition, sk: line.lineId } } })));
