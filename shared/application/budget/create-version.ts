import { randomUUID } from 'node:crypto';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { totalsOf } from '#shared/domain/budget/totals.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { noProvisions } from '#shared/domain/budget/general-provisions.ts';
import { defaultVersionTitle, versionOpening } from '#shared/domain/budget/version-opening.ts';
import { conflict, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { linesPartition } from '#shared/stores/budget/keys.ts';
import { getVersion, getYear, readAllLines } from '#shared/stores/budget/version.ts';
import { deleteGeneration, openVersionOfYear, putNewVersion, writeGeneration } from '#shared/stores/budget/version-writes.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * Opens a version: the 본예산 (number 0, empty) or the next 추경 (a copy of the last final
 * version). A supplementary copy is written as a new line generation first and becomes visible
 * only with the version item.
 */
export async function createVersion(
  request: RequestInfo,
  gov: string,
  year: number,
  kind: VersionRecord['kind'],
  title: string | undefined,
): Promise<VersionRecord> {
  const yearRecord = await getYear(gov, year);
  const opening = versionOpening(year, kind, yearRecord);
  if (!opening.ok) throw new Refused(opening.refusal);
  const { number, basedOn } = opening;
  const generation = randomUUID().slice(0, 8);
  const partition = linesPartition(gov, year, number, generation);
  let lines: BudgetLine[] = [];
  let provisions = noProvisions;
  if (basedOn !== undefined) {
    const base = await getVersion(gov, year, basedOn);
    if (!base) throw new Error(`year ${gov}/${year} names final version ${basedOn}, which is missing`);
    lines = await readAllLines(base);
    provisions = base.provisions;
    await writeGeneration(partition, lines);
  }

  const version: VersionRecord = {
    gov,
    year,
    number,
    kind,
    title: title ?? defaultVersionTitle(year, kind, number),
    state: 'drafting',
    revision: 0,
    basedOn: basedOn ?? null,
    generation,
    totals: totalsOf(lines),
    lineCount: lines.length,
    warnings: [],
    history: [],
    createdAt: request.receivedAt,
    controlsSynced: false,
    amendments: {},
    provisions,
    headConsent: null,
  };
  const outcome = await transact({
    version: putNewVersion(version, request.caller?.sub),
    year: openVersionOfYear(gov, year, number, basedOn),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'createBudgetVersion', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  });
  if (!outcome.ok) {
    await deleteGeneration(partition, lines);
    throw conflict('version-conflict', `another version of the ${year} budget was opened at the same time`);
  }
  return version;
}
