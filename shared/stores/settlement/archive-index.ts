import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import type { Manifest, ManifestEntry } from '#shared/domain/reports/render.ts';
import { archiveIndexKey, nationalArchivePartition, settlementPartition } from '#shared/stores/settlement/keys.ts';

/**
 * The listing of archived reports: one item per report and period (its manifest), written after
 * the manifest object, so that listing is a Query and never an S3 scan of every government.
 */
export interface ArchiveEntry {
  readonly gov: string;
  readonly year: number;
  readonly report: string;
  readonly title: string;
  readonly period: string;
  readonly manifestKey: string;
  readonly manifestSha256: string;
  readonly manifestSize: number;
  readonly files: readonly ManifestEntry[];
  readonly archivedAt: string;
}

export interface ArchivePage {
  readonly items: readonly ArchiveEntry[];
  readonly cursor: string | undefined;
}

export async function indexArchive(
  manifest: Manifest,
  stored: { readonly key: string; readonly sha256: string; readonly size: number },
  now: Date,
): Promise<void> {
  const { key: manifestKey, sha256: manifestSha256, size: manifestSize } = stored;
  const key = archiveIndexKey(manifest.gov, manifest.year, manifest.report, manifest.period);
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...key,
          gsi1pk: nationalArchivePartition(manifest.year),
          gsi1sk: `${manifest.gov}#${manifest.report}#${manifest.period}`,
          entity: 'archive',
          gov: manifest.gov,
          year: manifest.year,
          report: manifest.report,
          title: manifest.title,
          period: manifest.period,
          manifestKey,
          manifestSha256,
          manifestSize,
          files: manifest.files,
          archivedAt: now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    const existing = await getArchiveEntry(manifest.gov, manifest.year, manifest.report, manifest.period);
    if (existing?.manifestSha256 !== manifestSha256)
      throw new ArchiveConflict(manifestKey, existing?.manifestSha256 ?? '(none)', manifestSha256);
  }
}

export async function getArchiveEntry(gov: string, year: number, report: string, period: string): Promise<ArchiveEntry | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: archiveIndexKey(gov, year, report, period), ConsistentRead: true }),
  );
  return Item ? toEntry(Item) : undefined;
}

export interface ArchiveFilter {
  readonly year: number;
  readonly gov?: string;
  readonly report?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * One government's archives of a year (base table), or every government's (gsi1), optionally
 * narrowed; 'foreign-cursor' when the cursor was not issued for this listing.
 */
export async function listArchives(filter: ArchiveFilter): Promise<ArchivePage | 'foreign-cursor'> {
  const national = filter.gov === undefined;
  const start = decodeCursor(
    filter.cursor,
    national ? ['pk', 'sk', 'gsi1pk', 'gsi1sk'] : ['pk', 'sk'],
    national ? { gsi1pk: nationalArchivePartition(filter.year) } : { pk: settlementPartition(filter.gov as string, filter.year) },
  );
  if (start === 'foreign-cursor') return start;
  const prefix = national ? '' : `ARCHIVE#${filter.report ? `${filter.report}#` : ''}`;
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      ...(national ? { IndexName: 'gsi1' } : {}),
      KeyConditionExpression: national ? 'gsi1pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: national
        ? { ':pk': nationalArchivePartition(filter.year), ...(filter.report ? { ':report': filter.report } : {}) }
        : { ':pk': settlementPartition(filter.gov as string, filter.year), ':prefix': prefix },
      ...(national && filter.report ? { FilterExpression: 'report = :report' } : {}),
      Limit: filter.limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (page.Items ?? []).map(toEntry), cursor: encodeCursor(page.LastEvaluatedKey) };
}

const encodeCursor = (key: Record<string, NativeAttributeValue> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/** A cursor continues the listing it came from: the same key attributes (strings) and partition. */
function decodeCursor(
  cursor: string | undefined,
  attributes: readonly string[],
  partition: Readonly<Record<string, string>>,
): Record<string, NativeAttributeValue> | 'foreign-cursor' | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.values(key).every((v) => typeof v === 'string') &&
    Object.keys(key).sort().join() === [...attributes].sort().join() &&
    Object.entries(partition).every(([name, value]) => (key as Record<string, string>)[name] === value);
  if (!valid) return 'foreign-cursor';
  return key as Record<string, string>;
}

function toEntry(item: Record<string, NativeAttributeValue>): ArchiveEntry {
  return {
    gov: String(item.gov),
    year: Number(item.year),
    report: String(item.report),
    title: String(item.title),
    period: String(item.period),
    manifestKey: String(item.manifestKey),
    manifestSha256: String(item.manifestSha256),
    manifestSize: Number(item.manifestSize),
    files: item.files as ManifestEntry[],
    archivedAt: String(item.archivedAt),
  };
}
