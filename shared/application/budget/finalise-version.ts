import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { controlsSyncing, revisionConflict } from '#shared/domain/budget/refusals.ts';
import type { HistoryEntry, VersionRecord } from '#shared/domain/budget/version.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { planVersionControls, syncLabel, writeVersionControls } from '#shared/application/budget/write-control-items.ts';
import { getVersion, versionUpdate } from '#shared/stores/budget/version.ts';
import { finaliseInYear, putBudgetTotal } from '#shared/stores/budget/version-writes.ts';
import { transact } from '#shared/stores/table/transact.ts';

/**
 * Finalisation (확정) in two steps:
 * 1. One TransactWrite makes the version final, records it as the year's final version, updates
 *    the government's total for the nationwide sum, sets the year's `syncing` lock (allotments
 *    wait) and writes the audit record. Before it, a version that would put any line's budget
 *    below what is already allotted is refused with the numbers.
 * 2. The control items are written (idempotently) and the lock released. If step 2 is cut short,
 *    POST …/versions/{n}/control-sync repeats it (sync-controls.ts).
 */
export async function finaliseVersion(
  request: RequestInfo,
  version: VersionRecord,
  next: VersionRecord,
  history: HistoryEntry,
  carryIns: CarryInSource,
): Promise<VersionRecord> {
  const { gov, year, number } = version;
  const plan = await planVersionControls(version, carryIns);
  const outcome = await transact({
    version: versionUpdate(version, { state: 'final', controlsSynced: false }, { appendHistory: history }),
    year: finaliseInYear(gov, year, number, syncLabel(number)),
    total: putBudgetTotal(version),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'budgetVersion.finalise', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  });
  if (!outcome.ok) {
    if (outcome.failed.has('version')) {
      const current = await getVersion(gov, year, number);
      throw new Refused(revisionConflict(number, version.revision, current?.revision ?? version.revision + 1));
    }
    throw new Refused(controlsSyncing(gov, year));
  }
  await writeVersionControls(request, version, plan);
  return { ...next, controlsSynced: true };
}
