import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { controlWriteOf } from '#shared/domain/budget/control-sync.ts';
import { provisionalLines, provisionalRefusal } from '#shared/domain/budget/provisional.ts';
import { sumWon } from '#shared/domain/budget/totals.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, unprocessable } from '#shared/domain/refusal.ts';
import { readLineControls, releaseSyncLock, writeLineControls } from '#shared/stores/budget/controls.ts';
import { readCarryIns } from '#shared/stores/settlement/carry-ins.ts';
import { yearKey } from '#shared/stores/budget/keys.ts';
import { getVersion, getYear, readAllLines } from '#shared/stores/budget/version.ts';
import { transactList } from '#shared/stores/table/transact.ts';

const LABEL = 'provisional';

/**
 * Opens the provisional budget (준예산) of a year with no final budget on or after 1 January: the
 * mandatory expenditure lines of the previous year's final budget become control items, with that
 * year's amounts as their budget (see domain/budget/provisional.ts). Opening is one audited write
 * that also locks allotments until the control items are written; calling again after an
 * interrupted run finishes the writing.
 */
export async function openProvisionalBudget(request: RequestInfo, gov: string, year: number) {
  const yearRecord = await getYear(gov, year);
  const resuming = yearRecord.provisional && yearRecord.syncing === LABEL;
  if (!resuming) {
    const refusal = provisionalRefusal(year, request.receivedAt, yearRecord);
    if (refusal) throw conflict(refusal.code, refusal.detail);
  }
  const previous = await getYear(gov, year - 1);
  const basis = previous.finalVersion === undefined ? undefined : await getVersion(gov, year - 1, previous.finalVersion);
  if (!basis)
    throw unprocessable('no-previous-budget', `a provisional ${year} budget repeats the final ${year - 1} budget, and there is none`);
  const lines = provisionalLines(await readAllLines(basis));

  if (!resuming) {
    const outcome = await transactList([
      {
        Update: {
          TableName: tableName(),
          Key: yearKey(gov, year),
          UpdateExpression: 'SET provisional = :true, syncing = :label, provisionalBasis = :basis, gov = :gov, #year = :year',
          ConditionExpression: 'attribute_not_exists(finalVersion) AND attribute_not_exists(provisional) AND attribute_not_exists(syncing)',
          ExpressionAttributeNames: { '#year': 'year' },
          ExpressionAttributeValues: {
            ':true': true,
            ':label': LABEL,
            ':basis': { year: year - 1, version: basis.number },
            ':gov': gov,
            ':year': year,
          },
        },
      },
      auditPut(tableName(), auditRecord(request, { gov, operation: 'openProvisionalBudget', target: `provisional-budget ${gov}/${year}` })),
    ]);
    if (!outcome.ok)
      throw conflict('provisional-conflict', `the ${year} budget changed while the provisional budget was being opened; re-read and retry`);
  }
  const [controls, carryIns] = await Promise.all([readLineControls(gov, year), readCarryIns(gov, year)]);
  const existing = new Set(controls.map((control) => control.lineId));
  const writes = lines.map((line) => controlWriteOf(line, carryIns));
  await writeLineControls(gov, year, writes, [], existing, { version: null, provisional: true });
  await releaseSyncLock(request, gov, year, LABEL, undefined);
  return {
    gov,
    year,
    basedOnYear: year - 1,
    basedOnVersion: basis.number,
    lineCount: lines.length,
    total: sumWon(lines.map((line) => line.amount)),
  };
}
