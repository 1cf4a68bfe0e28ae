import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { planControlSync } from '#shared/domain/budget/control-sync.ts';
import type { BelowAllotted } from '#shared/domain/budget/control-sync.ts';
import { controlsSyncing, revisionConflict } from '#shared/domain/budget/problems.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';
import { readLineControls, releaseSyncLock, writeLineControls } from '#shared/stores/budget/controls.ts';
import { readCarryIns } from '#shared/stores/settlement/carry-ins.ts';
import { totalsKey, versionKey, yearKey } from '#shared/stores/budget/keys.ts';
import { getVersion, readAllLines, versionUpdate } from '#shared/stores/budget/version.ts';
import type { HistoryEntry, VersionRecord } from '#shared/domain/budget/version.ts';
import { transactList } from '#shared/stores/table/transact.ts';

/**
 * Finalisation (확정) in two steps:
 * 1. One TransactWrite makes the version final, records it as the year's final version, updates
 *    the government's total for the nationwide sum, sets the year's `syncing` lock (allotments
 *    wait) and writes the audit record. Before it, a version that would put any line's budget
 *    below what is already allotted is refused with the numbers.
 * 2. The control items are written (idempotently) and the lock released. If step 2 is cut short,
 *    POST …/versions/{n}/control-sync repeats it.
 */
export async function finaliseVersion(
  request: RequestInfo,
  version: VersionRecord,
  next: VersionRecord,
  history: HistoryEntry,
): Promise<VersionRecord> {
  const { gov, year, number } = version;
  const [lines, controls, carryIns] = await Promise.all([readAllLines(version), readLineControls(gov, year), readCarryIns(gov, year)]);
  const plan = planControlSync(lines, controls, carryIns);
  if (!plan.ok) throw belowAllotted(plan.violations);

  const outcome = await transactList([
    versionUpdate(version, { state: 'final', controlsSynced: false }, { appendHistory: history }),
    {
      Update: {
        TableName: tableName(),
        Key: yearKey(gov, year),
        UpdateExpression: 'SET finalVersion = :number, syncing = :label REMOVE openVersion',
        ConditionExpression: 'openVersion = :number AND attribute_not_exists(syncing)',
        ExpressionAttributeValues: { ':number': number, ':label': syncLabel(number) },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...totalsKey(gov, year),
          entity: 'budget-total',
          gov,
          year,
          version: number,
          expenditureTotal: version.totals.expenditure.toString(),
          revenueTotal: version.totals.revenue.toString(),
        },
      },
    },
    auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'budgetVersion.finalise', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  ]);
  if (!outcome.ok) {
    if (outcome.failed.includes(0)) {
      const current = await getVersion(gov, year, number);
      throw revisionConflict(number, version.revision, current?.revision ?? version.revision + 1);
    }
    throw controlsSyncing(gov, year);
  }
  const existing = new Set(controls.map((control) => control.lineId));
  await writeLineControls(gov, year, plan.writes, plan.zeroed, existing, { version: number, provisional: false });
  await releaseSyncLock(request, gov, year, syncLabel(number), versionKey(gov, year, number));
  return { ...next, controlsSynced: true };
}

/** Repeats step 2 for a final version whose control items were not all written. */
export async function resumeControlSync(request: RequestInfo, version: VersionRecord): Promise<void> {
  if (version.state !== 'final') throw conflict('version-not-final', `version ${version.number} is ${version.state}, not final`);
  if (version.controlsSynced) return;
  const { gov, year, number } = version;
  const [lines, controls, carryIns] = await Promise.all([readAllLines(version), readLineControls(gov, year), readCarryIns(gov, year)]);
  const plan = planControlSync(lines, controls, carryIns);
  if (!plan.ok) throw belowAllotted(plan.violations);
  await writeLineControls(gov, year, plan.writes, plan.zeroed, new Set(controls.map((c) => c.lineId)), {
    version: number,
    provisional: false,
  });
  await releaseSyncLock(request, gov, year, syncLabel(number), versionKey(gov, year, number));
}

const syncLabel = (number: number): string => `v${number}`;

const belowAllotted = (violations: readonly BelowAllotted[]): Refused =>
  conflict(
    'budget-below-allotted',
    `${violations.length} line(s) would get a budget below what is already allotted; reverse those allotments first (first: ${violations[0]?.lineId} budget ${violations[0]?.budget} < allotted ${violations[0]?.allotted})`,
    { rule: 'allotted ≤ budget', count: violations.length, violations: violations.slice(0, 100) },
  );
