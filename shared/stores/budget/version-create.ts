import { randomUUID } from 'node:crypto';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { totalsOf } from '#shared/domain/budget/totals.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict } from '#shared/domain/refusal.ts';
import { linesPartition, versionKey, yearKey } from '#shared/stores/budget/keys.ts';
import { getVersion, getYear, lineItem, readAllLines, totalsAttributes } from '#shared/stores/budget/version.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * Opens a version: the 본예산 (number 0, empty) or the next 추경 (a copy of the last final
 * version). One version of a year is open at a time. A supplementary copy is written as a new
 * line generation first and becomes visible only with the version item.
 */
export async function createVersion(
  request: RequestInfo,
  gov: string,
  year: number,
  kind: VersionRecord['kind'],
  title: string | undefined,
): Promise<VersionRecord> {
  const yearRecord = await getYear(gov, year);
  if (yearRecord.openVersion !== undefined) {
    throw conflict('version-open', `version ${yearRecord.openVersion} of the ${year} budget is still open: finalise it first`, {
      openVersion: yearRecord.openVersion,
    });
  }
  const finalVersion = yearRecord.finalVersion;
  if (kind === 'original' && finalVersion !== undefined)
    throw conflict('original-exists', `the ${year} 본예산 is already final; open a supplementary budget`);
  if (kind === 'supplementary' && finalVersion === undefined)
    throw conflict('no-final-version', `a supplementary budget copies the final ${year} budget, and there is none yet`);

  const number = finalVersion === undefined ? 0 : finalVersion + 1;
  const generation = randomUUID().slice(0, 8);
  let lines: BudgetLine[] = [];
  if (finalVersion !== undefined) {
    const base = await getVersion(gov, year, finalVersion);
    if (!base) throw new Error(`year ${gov}/${year} names final version ${finalVersion}, which is missing`);
    lines = await readAllLines(base);
    const partition = linesPartition(gov, year, number, generation);
    await batchWrite(lines.map((line) => ({ PutRequest: { Item: lineItem(partition, line) } })));
  }

  const version: VersionRecord = {
    gov,
    year,
    number,
    kind,
    title: title ?? (kind === 'original' ? `${year}년도 본예산` : `${year}년도 제${number}회 추가경정예산`),
    state: 'drafting',
    revision: 0,
    basedOn: finalVersion ?? null,
    generation,
    totals: totalsOf(lines),
    lineCount: lines.length,
    warnings: [],
    history: [],
    createdAt: request.receivedAt,
    controlsSynced: false,
  };
  const { totals: _totals, ...stored } = version;
  const outcome = await transactList([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...versionKey(gov, year, number),
          entity: 'budget-version',
          ...stored,
          ...totalsAttributes(version.totals, lines.length),
          createdBy: request.caller?.sub,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: yearKey(gov, year),
        UpdateExpression: 'SET openVersion = :number, gov = :gov, #year = :year',
        ConditionExpression:
          finalVersion === undefined
            ? 'attribute_not_exists(openVersion) AND attribute_not_exists(finalVersion)'
            : 'attribute_not_exists(openVersion) AND finalVersion = :final AND attribute_not_exists(syncing)',
        ExpressionAttributeNames: { '#year': 'year' },
        ExpressionAttributeValues: {
          ':number': number,
          ':gov': gov,
          ':year': year,
          ...(finalVersion === undefined ? {} : { ':final': finalVersion }),
        },
      },
    },
    auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'createBudgetVersion', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  ]);
  if (!outcome.ok) {
    if (lines.length > 0) {
      const partition = linesPartition(gov, year, number, generation);
      await batchWrite(lines.map((line) => ({ DeleteRequest: { Key: { pk: partition, sk: line.lineId } } })));
    }
    throw conflict('version-conflict', `another version of the ${year} budget was opened at the same time`);
  }
  return version;
}
