import { tableName } from '#shared/config/env.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { totalsKey, versionKey, yearKey } from '#shared/stores/budget/keys.ts';
import { lineItem, totalsAttributes } from '#shared/stores/budget/version.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/** Puts a new version item; fails if the number is taken. */
export function putNewVersion(version: VersionRecord, createdBy: string | undefined): TransactItem {
  const { totals, ...stored } = version;
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...versionKey(version.gov, version.year, version.number),
        entity: 'budget-version',
        ...stored,
        ...totalsAttributes(totals, version.lineCount),
        createdBy,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Records `number` as the year's open version, if no version is open and the final version is
 * still `finalVersion` (none for a 본예산) with no control sync running.
 */
export function openVersionOfYear(gov: string, year: number, number: number, finalVersion: number | undefined): TransactItem {
  return {
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
  };
}

/** Records the open version `number` as the year's final version and takes the `syncing` lock. */
export const finaliseInYear = (gov: string, year: number, number: number, label: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: yearKey(gov, year),
    UpdateExpression: 'SET finalVersion = :number, syncing = :label REMOVE openVersion',
    ConditionExpression: 'openVersion = :number AND attribute_not_exists(syncing)',
    ExpressionAttributeValues: { ':number': number, ':label': label },
  },
});

/** Opens the year's provisional budget (준예산) and takes the `syncing` lock, if no budget is final or provisional. */
export const openProvisionalInYear = (
  gov: string,
  year: number,
  label: string,
  basis: { readonly year: number; readonly version: number },
): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: yearKey(gov, year),
    UpdateExpression: 'SET provisional = :true, syncing = :label, provisionalBasis = :basis, gov = :gov, #year = :year',
    ConditionExpression: 'attribute_not_exists(finalVersion) AND attribute_not_exists(provisional) AND attribute_not_exists(syncing)',
    ExpressionAttributeNames: { '#year': 'year' },
    ExpressionAttributeValues: { ':true': true, ':label': label, ':basis': basis, ':gov': gov, ':year': year },
  },
});

/** The government's final total of the year, for the nationwide sum. */
export const putBudgetTotal = (version: VersionRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...totalsKey(version.gov, version.year),
      entity: 'budget-total',
      gov: version.gov,
      year: version.year,
      version: version.number,
      expenditureTotal: version.totals.expenditure.toString(),
      revenueTotal: version.totals.revenue.toString(),
    },
  },
});

export const putLine = (partition: string, line: BudgetLine): TransactItem => ({
  Put: { TableName: tableName(), Item: lineItem(partition, line) },
});
export const deleteLine = (partition: string, lineId: string): TransactItem => ({
  Delete: { TableName: tableName(), Key: { pk: partition, sk: lineId } },
});

/** Writes lines as a new generation (invisible until a version item names it). */
export const writeGeneration = (partition: string, lines: readonly BudgetLine[]) =>
  batchWrite(lines.map((line) => ({ PutRequest: { Item: lineItem(partition, line) } })));

/** Staged or replaced generations are invisible; removing them only reclaims space. */
export const deleteGeneration = (partition: string, lines: readonly BudgetLine[]) =>
  batchWrite(lines.map((line) => ({ DeleteRequest: { Key: { pk: partition, sk: line.lineId } } })));
