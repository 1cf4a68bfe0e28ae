import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { VersionWarning } from '#shared/domain/budget/deadlines.ts';
import type { VersionTotals } from '#shared/domain/budget/totals.ts';
import type { HeadConsent, HistoryEntry, VersionRecord } from '#shared/domain/budget/version.ts';
import type { Amendments } from '#shared/domain/budget/council-amendments.ts';
import { noProvisions } from '#shared/domain/budget/general-provisions.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import type { VersionState } from '#shared/domain/budget/workflow.ts';
import { linesPartition, planPartition, versionKey, yearKey } from '#shared/stores/budget/keys.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import { batchGet } from '#shared/stores/table/batch-get.ts';
import { recordOf } from '#shared/stores/table/records.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/** The budget year of a government: which version is open or final, and the locks on its control items. */
export interface YearRecord {
  readonly openVersion: number | undefined;
  readonly finalVersion: number | undefined;
  /** Set while control items are being written ("v{n}" or "provisional"): allotments wait. */
  readonly syncing: string | undefined;
  readonly provisional: boolean;
}

export async function getYear(gov: string, year: number): Promise<YearRecord> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: yearKey(gov, year), ConsistentRead: true }));
  return {
    openVersion: Item?.openVersion as number | undefined,
    finalVersion: Item?.finalVersion as number | undefined,
    syncing: Item?.syncing as string | undefined,
    provisional: Item?.provisional === true,
  };
}

export async function getVersion(gov: string, year: number, number: number): Promise<VersionRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: versionKey(gov, year, number), ConsistentRead: true }),
  );
  return Item ? toVersion(Item) : undefined;
}

export async function listVersions(gov: string, year: number): Promise<VersionRecord[]> {
  const { Items } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': planPartition(gov, year), ':prefix': 'VERSION#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map(toVersion);
}

export const versionLinesPartition = (version: Pick<VersionRecord, 'gov' | 'year' | 'number' | 'generation'>): string =>
  linesPartition(version.gov, version.year, version.number, version.generation);

/** One page of a version's lines, in line id order. */
export async function pageLines(
  version: VersionRecord,
  limit: number,
  cursor: string | undefined,
): Promise<{ lines: BudgetLine[]; cursor: string | undefined }> {
  const partition = versionLinesPartition(version);
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      Limit: limit,
      ExclusiveStartKey: cursor === undefined ? undefined : { pk: partition, sk: cursor },
    }),
  );
  const last = page.LastEvaluatedKey?.sk as string | undefined;
  return { lines: (page.Items ?? []).map(toLine), cursor: last };
}

export async function readAllLines(version: VersionRecord): Promise<BudgetLine[]> {
  return readPartition(versionLinesPartition(version));
}

export async function readPartition(partition: string): Promise<BudgetLine[]> {
  return (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition } })).map(toLine);
}

/** The lines with the given ids in each version (absent ids are missing from the map). */
export async function getLines(versions: readonly VersionRecord[], lineIds: readonly string[]): Promise<Map<string, BudgetLine>> {
  const keys = versions.flatMap((version) => lineIds.map((sk) => ({ pk: versionLinesPartition(version), sk })));
  const found = await batchGet(keys, { consistent: true });
  return new Map([...found].map(([key, item]) => [key, toLine(item)]));
}

export const lineItem = (partition: string, line: BudgetLine) => ({ pk: partition, sk: line.lineId, entity: 'budget-line', ...line });

/**
 * The conditional update of a version item that every change goes through: it applies only if
 * the version still has the revision (and state) the change was computed from.
 */
export function versionUpdate(
  version: VersionRecord,
  set: Readonly<Record<string, unknown>>,
  options: { readonly appendHistory?: HistoryEntry; readonly appendWarnings?: readonly VersionWarning[] } = {},
): TransactItem {
  const names: Record<string, string> = { '#revision': 'revision', '#state': 'state' };
  const values: Record<string, unknown> = { ':expected': version.revision, ':next': version.revision + 1, ':currentState': version.state };
  const assignments = ['#revision = :next'];
  for (const [name, value] of Object.entries(set)) {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    assignments.push(`#${name} = :${name}`);
  }
  if (options.appendHistory) {
    names['#history'] = 'history';
    values[':history'] = [options.appendHistory];
    assignments.push('#history = list_append(#history, :history)');
  }
  if (options.appendWarnings && options.appendWarnings.length > 0) {
    names['#warnings'] = 'warnings';
    values[':warnings'] = options.appendWarnings;
    assignments.push('#warnings = list_append(#warnings, :warnings)');
  }
  return {
    Update: {
      TableName: tableName(),
      Key: versionKey(version.gov, version.year, version.number),
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: '#revision = :expected AND #state = :currentState',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export const totalsAttributes = (totals: VersionTotals, lineCount: number) => ({
  expenditureTotal: totals.expenditure.toString(),
  revenueTotal: totals.revenue.toString(),
  lineCount,
});

export const toLine = (item: Record<string, unknown>): BudgetLine => recordOf<BudgetLine>(item);

function toVersion(item: Record<string, unknown>): VersionRecord {
  return {
    gov: String(item.gov),
    year: Number(item.year),
    number: Number(item.number),
    kind: item.kind as VersionRecord['kind'],
    title: String(item.title),
    state: item.state as VersionState,
    revision: Number(item.revision),
    basedOn: (item.basedOn as number | null | undefined) ?? null,
    generation: String(item.generation),
    totals: { expenditure: BigInt(String(item.expenditureTotal)), revenue: BigInt(String(item.revenueTotal)) },
    lineCount: Number(item.lineCount),
    warnings: (item.warnings as VersionWarning[] | undefined) ?? [],
    history: (item.history as HistoryEntry[] | undefined) ?? [],
    createdAt: String(item.createdAt),
    controlsSynced: item.controlsSynced === true,
    amendments: (item.amendments as Amendments | undefined) ?? {},
    provisions: (item.provisions as GeneralProvisions | undefined) ?? noProvisions,
    headConsent: (item.headConsent as HeadConsent | null | undefined) ?? null,
  };
}
