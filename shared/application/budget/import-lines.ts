import { randomUUID } from 'node:crypto';
import { importRejected, rowsFromCsv, rowsFromJson, validateImport } from '#shared/domain/budget/import-rows.ts';
import { totalsOf } from '#shared/domain/budget/totals.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { requireEditable, writeRevision } from '#shared/application/budget/require-version.ts';
import type { VersionEdit } from '#shared/application/budget/require-version.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import { readAllLines, totalsAttributes, versionLinesPartition, versionUpdate } from '#shared/stores/budget/version.ts';
import { deleteGeneration, writeGeneration } from '#shared/stores/budget/version-writes.ts';

export type ImportSource = { readonly lines: readonly unknown[] } | { readonly csv: string };

/**
 * Replaces all lines of an open version with an imported budget (JSON or CSV), all or nothing:
 * every row is validated first (any error rejects the whole import with row, column and reason);
 * the lines are then written as a new generation with parallel BatchWrites, invisible until one
 * conditional write on the version item (revision and state unchanged) switches the version to it.
 */
export async function importLines(edit: VersionEdit, source: ImportSource) {
  const { request, gov } = edit;
  const { version } = await requireEditable(edit);

  const parsed = 'csv' in source ? rowsFromCsv(source.csv) : { rows: rowsFromJson(source.lines) };
  if ('errors' in parsed) throw new Refused(importRejected(parsed.errors, parsed.errors.length));
  const [accounts, departments] = await Promise.all([listAccounts(gov), listDepartments(gov)]);
  const result = validateImport(parsed.rows, {
    accounts: new Set(accounts.map((a) => a.code)),
    departments: new Set(departments.map((d) => d.code)),
  });
  if (!result.ok) throw new Refused(importRejected(result.errors, result.errorCount));
  const { lines } = result;

  const staged = { ...version, generation: randomUUID().slice(0, 8) };
  const partition = versionLinesPartition(staged);
  await writeGeneration(partition, lines);

  const totals = totalsOf(lines);
  const update = versionUpdate(version, { ...totalsAttributes(totals, lines.length), generation: staged.generation });
  const lost = await writeRevision(request, version, update, 'importBudgetLines');
  if (lost) {
    await deleteGeneration(partition, lines);
    throw lost;
  }
  await deleteGeneration(versionLinesPartition(version), await readAllLines(version));
  return { revision: version.revision + 1, lineCount: lines.length, expenditureTotal: totals.expenditure, revenueTotal: totals.revenue };
}
