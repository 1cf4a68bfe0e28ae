import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { carryInsByLine, controlWriteOf } from '#shared/domain/budget/control-sync.ts';
import { provisionalLines, provisionalRefusal } from '#shared/domain/budget/provisional.ts';
import { sumWon } from '#shared/domain/budget/totals.ts';
import { conflict, Refused, unprocessable } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { readLineControls, writeLineControls } from '#shared/stores/budget/controls.ts';
import { getVersion, getYear, readAllLines } from '#shared/stores/budget/version.ts';
import { endControlSync } from '#shared/application/budget/write-control-items.ts';
import { openProvisionalInYear } from '#shared/stores/budget/version-writes.ts';
import { transact } from '#shared/stores/table/transact.ts';

const LABEL = 'provisional';

/**
 * Opens the provisional budget (준예산) of a year with no final budget on or after 1 January: the
 * mandatory expenditure lines of the previous year's final budget become control items, with that
 * year's amounts as their budget (see domain/budget/provisional.ts). Opening is one audited write
 * that also locks allotments until the control items are written; calling again after an
 * interrupted run finishes the writing.
 */
export async function openProvisionalBudget(request: RequestInfo, gov: string, year: number, carryIns: CarryInSource) {
  const yearRecord = await getYear(gov, year);
  const resuming = yearRecord.provisional && yearRecord.syncing === LABEL;
  if (!resuming) {
    const refused = provisionalRefusal(year, request.receivedAt, yearRecord);
    if (refused) throw new Refused(refused);
  }
  const previous = await getYear(gov, year - 1);
  const basis = previous.finalVersion === undefined ? undefined : await getVersion(gov, year - 1, previous.finalVersion);
  if (!basis)
    throw unprocessable('no-previous-budget', `a provisional ${year} budget repeats the final ${year - 1} budget, and there is none`);
  const lines = provisionalLines(await readAllLines(basis));

  if (!resuming) {
    const outcome = await transact({
      year: openProvisionalInYear(gov, year, LABEL, { year: year - 1, version: basis.number }),
      audit: auditPut(
        tableName(),
        auditRecord(request, { gov, operation: 'openProvisionalBudget', target: `provisional-budget ${gov}/${year}` }),
      ),
    });
    if (!outcome.ok)
      throw conflict('provisional-conflict', `the ${year} budget changed while the provisional budget was being opened; re-read and retry`);
  }
  const [controls, rows] = await Promise.all([readLineControls(gov, year), carryIns(gov, year)]);
  const byLine = carryInsByLine(rows);
  const existing = new Set(controls.map((control) => control.lineId));
  await writeLineControls(
    gov,
    year,
    lines.map((line) => controlWriteOf(line, byLine)),
    [],
    existing,
    { version: null, provisional: true },
  );
  await endControlSync(request, gov, year, LABEL, undefined);
  return {
    gov,
    year,
    basedOnYear: year - 1,
    basedOnVersion: basis.number,
    lineCount: lines.length,
    total: sumWon(lines.map((line) => line.amount)),
  };
}
