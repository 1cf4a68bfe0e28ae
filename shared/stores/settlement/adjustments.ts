import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { adjustmentKinds } from '#shared/domain/accounting/adjustment-kinds.ts';
import type { AdjustmentKind } from '#shared/domain/accounting/adjustment-kinds.ts';
import type { RegisteredAsset } from '#shared/domain/accounting/year-end-adjustments.ts';
import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Item } from '#shared/stores/table/query-all.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * The 결산정리분개 of the 회계책임관 and the asset register they feed:
 *
 *   pk ACCOUNTING#{gov}#{year}   sk ADJUSTMENT#{kind}                      one per fiscal year and kind: input, plan id, parts, status, who and when
 *   pk ACCOUNTING#{gov}#{year}   sk ADJUSTMENT#{kind}#PART#{planId}#{nnnn}  a part: its entries and assets, `applied` once written
 *   pk ASSETS#{gov}              sk ASSET#{fund}#{assetId}                 the register (cost, in service, useful life …); amounts as decimal strings
 *
 * An adjustment is written in parts (domain/settlement/adjustment-parts.ts: ≤ 100 actions each): the
 * parts' plans first, then the header (`pending`, the commit point: a plan without a header is never
 * applied), then each part in its own transaction (its balances, assets, applied marker and audit
 * record), then the header `recorded`. A rerun after a crash finds the header pending and applies
 * only the parts not yet applied. The entries enter the ledger's running totals (ledger-balances.ts)
 * dated 31 December, so the year-end closing reads them like any posting.
 */
export const adjustmentKey = (gov: string, year: number, kind: AdjustmentKind) => ({
  pk: `ACCOUNTING#${gov}#${year}`,
  sk: `ADJUSTMENT#${kind}`,
});
const partPrefix = (kind: AdjustmentKind, planId: string) => `ADJUSTMENT#${kind}#PART#${planId}#`;
const partKey = (gov: string, year: number, kind: AdjustmentKind, planId: string, index: number) => ({
  pk: `ACCOUNTING#${gov}#${year}`,
  sk: `${partPrefix(kind, planId)}${String(index).padStart(4, '0')}`,
});
export const assetKey = (gov: string, fund: string, assetId: string) => ({ pk: `ASSETS#${gov}`, sk: `ASSET#${fund}#${assetId}` });

export interface RecordedAdjustment {
  readonly gov: string;
  readonly year: number;
  readonly kind: AdjustmentKind;
  /** The request body as recorded (a repeat with the same body is answered from it). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly entries: readonly JournalEntry[];
  readonly assetIds: readonly string[];
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** The header of an adjustment and its parts, as the use case resumes or answers it. */
export interface StoredAdjustment extends RecordedAdjustment {
  readonly status: 'pending' | 'recorded';
  readonly planId: string;
  readonly parts: readonly StoredPart[];
}

export interface StoredPart {
  readonly index: number;
  readonly entries: readonly JournalEntry[];
  readonly assets: readonly RegisteredAsset[];
  readonly applied: boolean;
}

export async function readAdjustment(gov: string, year: number, kind: AdjustmentKind): Promise<StoredAdjustment | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: adjustmentKey(gov, year, kind), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const planId = String(Item.planId ?? '');
  // Recorded before parts existed: the header holds the entries and is recorded.
  const parts: StoredPart[] = planId
    ? (await queryPrefix(`ACCOUNTING#${gov}#${year}`, partPrefix(kind, planId), { ConsistentRead: true })).map((p) => ({
        index: Number(p.index),
        entries: p.entries as JournalEntry[],
        assets: (p.assets as Item[]).map(assetOf),
        applied: p.applied === true,
      }))
    : [{ index: 0, entries: (Item.entries as JournalEntry[]) ?? [], assets: [], applied: true }];
  return {
    gov,
    year,
    kind,
    input: Item.input as Record<string, unknown>,
    entries: parts.flatMap((p) => p.entries),
    assetIds: planId ? parts.flatMap((p) => p.assets.map((a) => a.assetId)) : ((Item.assetIds as string[] | undefined) ?? []),
    recordedBy: String(Item.recordedBy),
    recordedAt: String(Item.recordedAt),
    status: Item.status === 'pending' ? 'pending' : 'recorded',
    planId,
    parts,
  };
}

/** The kinds of the year whose adjusting entries are planned and not yet all applied (header `pending`). */
export async function pendingAdjustmentKinds(gov: string, year: number): Promise<AdjustmentKind[]> {
  const headers = await Promise.all(
    adjustmentKinds.map(async (kind) => {
      const { Item } = await dynamoClient().send(
        new GetCommand({
          TableName: tableName(),
          Key: adjustmentKey(gov, year, kind),
          ProjectionExpression: '#status',
          ExpressionAttributeNames: { '#status': 'status' },
          ConsistentRead: true,
        }),
      );
      return Item?.status === 'pending' ? [kind] : [];
    }),
  );
  return headers.flat();
}

/**
 * Conditions the year-end marker's write takes: no adjusting entry of the year is pending, so a plan
 * written between the closing's check and its marker stops the marker (the plan's own `yearOpen`
 * condition covers the other order).
 */
export function noAdjustmentPending(gov: string, year: number): TransactItem[] {
  return adjustmentKinds.map((kind) => ({
    ConditionCheck: {
      TableName: tableName(),
      Key: adjustmentKey(gov, year, kind),
      ConditionExpression: 'attribute_not_exists(pk) OR #status <> :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    },
  }));
}

export async function readRegister(gov: string): Promise<RegisteredAsset[]> {
  return (await queryPrefix(`ASSETS#${gov}`, 'ASSET#', { ConsistentRead: true })).map(assetOf);
}

/**
 * The register as the API shows it: each asset's attributes and, for what a 과목경정 moved
 * (registerMoveItems), the recoding that last moved it (`movedBy`) and the asset a moved part came from
 * (`movedFrom`).
 */
export async function readRegisterEntries(gov: string) {
  return (await queryPrefix(`ASSETS#${gov}`, 'ASSET#', { ConsistentRead: true })).map((item) => ({
    ...assetAttributes(assetOf(item)),
    ...(item.movedFrom ? { movedFrom: String(item.movedFrom) } : {}),
    ...(item.movedBy ? { movedBy: String(item.movedBy) } : {}),
  }));
}

const assetOf = (item: Item): RegisteredAsset => ({
  assetId: String(item.assetId),
  registeredYear: Number(item.registeredYear),
  entity: String(item.fund),
  account: String(item.account),
  cost: BigInt(String(item.cost)),
  residual: BigInt(String(item.residual)),
  inService: String(item.inService),
  usefulLifeYears: item.usefulLifeYears === null || item.usefulLifeYears === undefined ? null : Number(item.usefulLifeYears),
  structureType: item.structureType as RegisteredAsset['structureType'],
  ...(item.maintainedInCondition ? { maintainedInCondition: true } : {}),
  ...(item.function ? { function: String(item.function) } : {}),
});

/** An asset as the register stores it (and the API shows it): amounts as decimal strings. */
export const assetAttributes = (a: RegisteredAsset) => ({
  assetId: a.assetId,
  registeredYear: a.registeredYear,
  fund: a.entity,
  account: a.account,
  cost: String(a.cost),
  residual: String(a.residual),
  inService: a.inService,
  usefulLifeYears: a.usefulLifeYears,
  structureType: a.structureType,
  ...(a.maintainedInCondition ? { maintainedInCondition: true } : {}),
  ...(a.function ? { function: a.function } : {}),
});

/** The header as first written: the plan's identity, its input and its number of parts, pending. */
export interface AdjustmentHeader {
  readonly gov: string;
  readonly year: number;
  readonly kind: AdjustmentKind;
  readonly input: Readonly<Record<string, unknown>>;
  readonly planId: string;
  readonly partCount: number;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/**
 * Stores the plan: its parts (under the plan id, invisible until the header names it), then the
 * header, pending, only while the year is open, no adjustment of this kind exists (`header`) and what
 * the plan was computed from is unchanged (`acquisitionsUnchanged`: the acquisitions' version, for the register).
 */
export async function writePlan(
  header: AdjustmentHeader,
  parts: readonly { entries: readonly JournalEntry[]; assets: readonly RegisteredAsset[] }[],
  unchanged: readonly TransactItem[] = [],
): Promise<TransactOutcome<'yearOpen' | 'header' | 'acquisitionsUnchanged'>> {
  const table = tableName();
  const { gov, year, kind, planId } = header;
  await batchWrite(
    parts.map((part, index) => ({
      PutRequest: {
        Item: {
          ...partKey(gov, year, kind, planId, index),
          entity: 'adjusting-entry-part',
          index,
          entries: part.entries,
          assets: part.assets.map(assetAttributes),
        },
      },
    })),
  );
  return transact({
    yearOpen: yearOpen(table, gov, year),
    header: {
      Put: {
        TableName: table,
        Item: { ...adjustmentKey(gov, year, kind), entity: 'adjusting-entry', ...header, status: 'pending' },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    acquisitionsUnchanged: unchanged,
  });
}

/**
 * One part, all or nothing: its ledger totals, the assets it registers and its audit record, only
 * while the year is not closed (`yearOpen`: no year-end marker, not even `closing`), once (`part`:
 * its applied marker), and never over an asset already registered (`assets`).
 */
export function applyPart(
  stored: Pick<StoredAdjustment, 'gov' | 'year' | 'kind' | 'planId'>,
  part: StoredPart,
  partCount: number,
  request: RequestInfo,
): Promise<TransactOutcome<'yearOpen' | 'part' | 'assets' | 'balances' | 'audit'>> {
  const table = tableName();
  const { gov, year, kind, planId } = stored;
  return transact({
    yearOpen: yearOpen(table, gov, year),
    part: {
      Update: {
        TableName: table,
        Key: partKey(gov, year, kind, planId, part.index),
        UpdateExpression: 'SET applied = :true',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(applied)',
        ExpressionAttributeValues: { ':true': true },
      },
    },
    assets: part.assets.map((a) => ({
      Put: {
        TableName: table,
        Item: { ...assetKey(gov, a.entity, a.assetId), entity: 'register-asset', gov, ...assetAttributes(a) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    balances: balanceDeltas(part.entries.map((entry) => ({ gov, year, entry }))).map((delta) => balanceUpdate(table, delta)),
    audit: auditPut(
      table,
      auditRecord(request, {
        gov,
        operation: 'recordAdjustingEntries',
        target: `adjusting entries ${gov}/${year}/${kind} part ${part.index + 1} of ${partCount}`,
      }),
    ),
  });
}

/** The header `recorded` once every part is applied, with its audit record. */
export function completeAdjustment(
  stored: Pick<StoredAdjustment, 'gov' | 'year' | 'kind' | 'planId'>,
  request: RequestInfo,
): Promise<TransactOutcome<'header' | 'audit'>> {
  const table = tableName();
  const { gov, year, kind, planId } = stored;
  return transact({
    header: {
      Update: {
        TableName: table,
        Key: adjustmentKey(gov, year, kind),
        UpdateExpression: 'SET #status = :recorded',
        ConditionExpression: '#status = :pending AND planId = :planId',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':recorded': 'recorded', ':pending': 'pending', ':planId': planId },
      },
    },
    audit: auditPut(
      table,
      auditRecord(request, { gov, operation: 'recordAdjustingEntries', target: `adjusting entries ${gov}/${year}/${kind}` }),
    ),
  });
}

const yearOpen = (table: string, gov: string, year: number) => ({
  ConditionCheck: { TableName: table, Key: closingKey(gov, year, 'YEAR'), ConditionExpression: 'attribute_not_exists(pk)' },
});

/** A condition that the year's adjusting entries of `kind` are not planned (a write made in between fails). */
export const adjustmentAbsent = (gov: string, year: number, kind: AdjustmentKind): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: adjustmentKey(gov, year, kind),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The register's assets of these ids (fund and asset id), those that exist. */
export async function readRegisteredAssets(gov: string, ids: readonly { fund: string; assetId: string }[]): Promise<RegisteredAsset[]> {
  const items = await Promise.all(
    ids.map(async ({ fund, assetId }) => {
      const { Item } = await dynamoClient().send(
        new GetCommand({ TableName: tableName(), Key: assetKey(gov, fund, assetId), ConsistentRead: true }),
      );
      return Item ? [assetOf(Item)] : [];
    }),
  );
  return items.flat();
}

/**
 * The register items a 과목경정 writes when it moves registered purchases (domain/execution/register-moves.ts):
 * changed and removed assets only if their cost is still the one read (a concurrent move retries the
 * recoding), moved parts as new assets naming where they came from and the recoding that moved them.
 */
export function registerMoveItems(
  gov: string,
  changeId: string,
  move: {
    readonly changed: readonly { readonly asset: RegisteredAsset; readonly previousCost: bigint }[];
    readonly removed: readonly { readonly asset: RegisteredAsset; readonly previousCost: bigint }[];
    readonly added: readonly { readonly asset: RegisteredAsset; readonly movedFrom?: string }[];
  },
): TransactItem[] {
  const table = tableName();
  const unchanged = (previousCost: bigint) => ({
    ConditionExpression: 'cost = :previous',
    ExpressionAttributeValues: { ':previous': String(previousCost) },
  });
  return [
    ...move.changed.map(({ asset, previousCost }) => ({
      Update: {
        TableName: table,
        Key: assetKey(gov, asset.entity, asset.assetId),
        UpdateExpression: 'SET cost = :cost, movedBy = :movedBy',
        ConditionExpression: 'cost = :previous',
        ExpressionAttributeValues: { ':cost': String(asset.cost), ':movedBy': changeId, ':previous': String(previousCost) },
      },
    })),
    ...move.removed.map(({ asset, previousCost }) => ({
      Delete: { TableName: table, Key: assetKey(gov, asset.entity, asset.assetId), ...unchanged(previousCost) },
    })),
    ...move.added.map(({ asset, movedFrom }) => ({
      Put: {
        TableName: table,
        Item: {
          ...assetKey(gov, asset.entity, asset.assetId),
          entity: 'register-asset',
          gov,
          ...assetAttributes(asset),
          movedBy: changeId,
          ...(movedFrom ? { movedFrom } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  ];
}
