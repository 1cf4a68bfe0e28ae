import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { tableName } from '#shared/config/env.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { revisionConflict, versionNotFound } from '#shared/domain/budget/problems.ts';
import { applyLineChanges } from '#shared/domain/budget/totals.ts';
import { lineEditorRoles } from '#shared/domain/budget/workflow.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, forbidden, invalid, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import { getLines, getVersion, lineItem, totalsAttributes, versionLinesPartition, versionUpdate } from '#shared/stores/budget/version.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import type { BudgetLine, BudgetLineInput } from '#shared/schemas/budget.ts';

export interface LineEdit {
  readonly revision: number;
  readonly upsert: readonly BudgetLineInput[];
  readonly remove: readonly string[];
}

/**
 * Adds, replaces or removes lines of an open version in one write that also moves the version to
 * the next revision; it applies only if the version is still at the revision the caller read.
 */
export async function editLines(request: RequestInfo, caller: Caller, gov: string, year: number, number: number, edit: LineEdit) {
  const version = await getVersion(gov, year, number);
  if (!version) throw versionNotFound(gov, year, number);
  if (version.revision !== edit.revision) throw revisionConflict(number, edit.revision, version.revision);
  const role = editingRole(version, caller);

  const upserts = edit.upsert.map(toBudgetLine);
  const ids = [...upserts.map((line) => line.lineId), ...edit.remove];
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw invalid('duplicate-line', `line ${duplicate} appears more than once in the request`);
  await checkStructure(gov, upserts);

  const partition = versionLinesPartition(version);
  const existing = await getLines([version], ids);
  const before = (lineId: string) => existing.get(`${partition}|${lineId}`);
  for (const lineId of edit.remove) if (!before(lineId)) throw notFound('line-not-found', `version ${number} has no line ${lineId}`);
  if (role === 'department_official') {
    const touched = [...upserts, ...ids.map(before).filter((line): line is BudgetLine => line !== undefined)];
    const foreign = touched.find((line) => line.dept !== caller.dept);
    if (foreign) {
      throw forbidden('other-department', `a department official may change only the lines of department ${caller.dept ?? '(none)'}`, {
        lineId: foreign.lineId,
        dept: foreign.dept,
      });
    }
  }

  const totals = applyLineChanges(version.totals, [
    ...upserts.map((line) => ({ before: before(line.lineId), after: line })),
    ...edit.remove.map((lineId) => ({ before: before(lineId) })),
  ]);
  const added = upserts.filter((line) => !before(line.lineId)).length;
  const lineCount = version.lineCount + added - edit.remove.length;
  const outcome = await transactList([
    versionUpdate(version, totalsAttributes(totals, lineCount)),
    ...upserts.map((line) => ({ Put: { TableName: tableName(), Item: lineItem(partition, line) } })),
    ...edit.remove.map((lineId) => ({ Delete: { TableName: tableName(), Key: { pk: partition, sk: lineId } } })),
    auditPut(tableName(), auditRecord(request, { gov, operation: 'editBudgetLines', target: `budget-version ${gov}/${year}/${number}` })),
  ]);
  if (!outcome.ok) {
    const current = await getVersion(gov, year, number);
    throw revisionConflict(number, edit.revision, current?.revision ?? version.revision + 1);
  }
  return { revision: version.revision + 1, lineIds: upserts.map((line) => line.lineId), removed: [...edit.remove] };
}

/** The role under which the caller may edit lines in the version's state. */
export function editingRole(version: VersionRecord, caller: Caller) {
  const editors = lineEditorRoles(version.state);
  if (editors.length === 0) {
    throw conflict('version-not-editable', `lines of a ${version.state} version cannot be changed`, { state: version.state });
  }
  const role = caller.roles.find((r) => editors.includes(r));
  if (!role) {
    throw forbidden('role-not-permitted', `in state ${version.state} lines are changed by [${editors.join(', ')}]`, {
      state: version.state,
      editors,
    });
  }
  return role;
}

async function checkStructure(gov: string, lines: readonly BudgetLine[]): Promise<void> {
  const [accounts, departments] = await Promise.all([listAccounts(gov), listDepartments(gov)]);
  const accountCodes = new Set(accounts.map((a) => a.code));
  const deptCodes = new Set(departments.map((d) => d.code));
  for (const line of lines) {
    if (!accountCodes.has(line.account))
      throw unprocessable('unknown-account', `government ${gov} has no account ${line.account}`, { lineId: line.lineId });
    if (!deptCodes.has(line.dept))
      throw unprocessable('unknown-department', `government ${gov} has no department ${line.dept}`, { lineId: line.lineId });
  }
}
