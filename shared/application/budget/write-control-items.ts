import { carryInsByLine, planControlSync, belowAllottedRefusal } from '#shared/domain/budget/control-sync.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { fundAccounts } from '#shared/domain/budget/budget-scope.ts';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { conflict, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { readLineControls, releaseSyncLock, writeLineControls } from '#shared/stores/budget/controls.ts';
import { putCurrentBudget, readCurrentBudget, readExpenditureBudgets } from '#shared/stores/budget/current-budget.ts';
import { versionKey } from '#shared/stores/budget/keys.ts';
import { listAccounts } from '#shared/stores/budget/structure.ts';
import { readAllLines } from '#shared/stores/budget/version.ts';

/** The label of the year's `syncing` lock while a final version's control items are written. */
export const syncLabel = (number: number): string => `v${number}`;

/**
 * Plans a final version's control items (예산현액 = amount + carry-in), refusing a budget below
 * what is allotted: the read half of finalisation and of a resumed sync.
 */
export async function planVersionControls(version: VersionRecord, carryIns: CarryInSource) {
  const { gov, year } = version;
  const [lines, controls, rows] = await Promise.all([readAllLines(version), readLineControls(gov, year), carryIns(gov, year)]);
  const plan = planControlSync(lines, controls, carryInsByLine(rows));
  if (!plan.ok) throw new Refused(belowAllottedRefusal(plan.violations));
  return { ...plan, existing: new Set(controls.map((control) => control.lineId)) };
}

/** Writes the planned control items (idempotently) and releases the year's lock, marking the version synced. */
export async function writeVersionControls(
  request: RequestInfo,
  version: VersionRecord,
  plan: Awaited<ReturnType<typeof planVersionControls>>,
): Promise<void> {
  const { gov, year, number } = version;
  await writeLineControls(gov, year, plan.writes, plan.zeroed, plan.existing, { version: number, provisional: false });
  await endControlSync(request, gov, year, syncLabel(number), versionKey(gov, year, number));
}

/**
 * Ends a control sync: releases the lock with its audit record and sets the year's running 세출
 * 예산현액 (current-budget.ts) to the sum of the control items per 회계, with the 회계 that are 기금,
 * read while the lock keeps budget changes out; a carry-in landing during the sum fails the write and
 * the sum runs again.
 */
export async function endControlSync(
  request: RequestInfo,
  gov: string,
  year: number,
  label: string,
  versionKeyToMark: Record<string, unknown> | undefined,
): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const seen = await readCurrentBudget(gov, year);
    const [budgets, accounts] = await Promise.all([readExpenditureBudgets(gov, year), listAccounts(gov)]);
    const outcome = await releaseSyncLock(
      syncAudit(request, gov, year, label),
      gov,
      year,
      label,
      versionKeyToMark,
      putCurrentBudget(gov, year, budgets, fundAccounts(accounts), seen),
    );
    if (outcome.ok) return;
    if (outcome.failed.has('lock') || !outcome.failed.has('current')) break;
  }
  throw conflict('controls-not-syncing', `control items of ${gov}/${year} are not being written for ${label}`);
}

/** The audit record that ends a control sync (of a final version or of the provisional budget). */
const syncAudit = (request: RequestInfo, gov: string, year: number, label: string) =>
  auditPut(tableName(), auditRecord(request, { gov, operation: 'syncBudgetControls', target: `budget-controls ${gov}/${year}/${label}` }));
