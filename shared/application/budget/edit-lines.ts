import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { duplicateLineRefusal, otherDepartmentRefusal, structureRefusal } from '#shared/domain/budget/line-structure.ts';
import { applyLineChanges } from '#shared/domain/budget/totals.ts';
import { recordAmendments } from '#shared/domain/budget/council-amendments.ts';
import { notFound, Refused } from '#shared/domain/refusal.ts';
import { lostRevision, requireEditable } from '#shared/application/budget/require-version.ts';
import type { VersionEdit } from '#shared/application/budget/require-version.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import { getLines, totalsAttributes, versionLinesPartition, versionUpdate } from '#shared/stores/budget/version.ts';
import { deleteLine, putLine } from '#shared/stores/budget/version-writes.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { BudgetLine, BudgetLineInput } from '#shared/schemas/budget.ts';

export interface LineEdit {
  readonly upsert: readonly BudgetLineInput[];
  readonly remove: readonly string[];
}

/**
 * Adds, replaces or removes lines of an open version (요구, 조정, council amendments) in one write
 * that also moves the version to the next revision; it applies only if the version is still at the
 * revision the caller read.
 */
export async function editLines(at: VersionEdit, edit: LineEdit) {
  const { request, caller, gov, year, number } = at;
  const { version, role } = await requireEditable(at);

  const upserts = edit.upsert.map(toBudgetLine);
  const ids = [...upserts.map((line) => line.lineId), ...edit.remove];
  const duplicate = duplicateLineRefusal(ids);
  if (duplicate) throw new Refused(duplicate);
  const [accounts, departments] = await Promise.all([listAccounts(gov), listDepartments(gov)]);
  const unknown = structureRefusal(gov, upserts, new Set(accounts.map((a) => a.code)), new Set(departments.map((d) => d.code)));
  if (unknown) throw new Refused(unknown);

  const partition = versionLinesPartition(version);
  const existing = await getLines([version], ids);
  const before = (lineId: string) => existing.get(`${partition}|${lineId}`);
  for (const lineId of edit.remove) if (!before(lineId)) throw notFound('line-not-found', `version ${number} has no line ${lineId}`);
  if (role === 'department_official') {
    const touched = [...upserts, ...ids.map(before).filter((line): line is BudgetLine => line !== undefined)];
    const foreign = otherDepartmentRefusal(caller.dept, touched);
    if (foreign) throw new Refused(foreign);
  }

  const totals = applyLineChanges(version.totals, [
    ...upserts.map((line) => ({ before: before(line.lineId), after: line })),
    ...edit.remove.map((lineId) => ({ before: before(lineId) })),
  ]);
  const added = upserts.filter((line) => !before(line.lineId)).length;
  const lineCount = version.lineCount + added - edit.remove.length;
  // While the version is before the council, every edit is an amendment the council's record keeps
  // (what it cut is what 전용 and 예비비 may not put back; what it raised needs the head's consent).
  const amendments =
    version.state === 'submitted'
      ? {
          amendments: recordAmendments(version.amendments, [
            ...upserts.map((line) => ({ lineId: line.lineId, before: before(line.lineId), after: line })),
            ...edit.remove.map((lineId) => ({ lineId, before: before(lineId) })),
          ]),
        }
      : {};
  const outcome = await transact({
    version: versionUpdate(version, { ...totalsAttributes(totals, lineCount), ...amendments }),
    upserts: upserts.map((line) => putLine(partition, line)),
    removals: edit.remove.map((lineId) => deleteLine(partition, lineId)),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'editBudgetLines', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  });
  if (!outcome.ok) throw await lostRevision(gov, year, number, at.revision, version.revision + 1);
  return { revision: version.revision + 1, lineIds: upserts.map((line) => line.lineId), removed: [...edit.remove] };
}
