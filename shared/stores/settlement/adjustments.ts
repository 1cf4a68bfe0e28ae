import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AdjustmentKind, RegisteredAsset } from '#shared/domain/accounting/year-end-adjustments.ts';
import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Item } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * The 결산정리분개 of the 회계책임관 and the asset register they feed:
 *
 *   pk ACCOUNTING#{gov}#{year}   sk ADJUSTMENT#{kind}          one per fiscal year and kind: input, entries, who and when
 *   pk ASSETS#{gov}              sk ASSET#{fund}#{assetId}      the register (cost, in service, useful life …); amounts as decimal strings
 *
 * The entries enter the ledger's running totals (ledger-balances.ts) dated 31 December in the same
 * transaction, so the year-end closing reads them like any posting.
 */
export const adjustmentKey = (gov: string, year: number, kind: AdjustmentKind) => ({
  pk: `ACCOUNTING#${gov}#${year}`,
  sk: `ADJUSTMENT#${kind}`,
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

export async function readAdjustment(gov: string, year: number, kind: AdjustmentKind): Promise<RecordedAdjustment | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: adjustmentKey(gov, year, kind), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    gov,
    year,
    kind,
    input: Item.input as Record<string, unknown>,
    entries: Item.entries as JournalEntry[],
    assetIds: (Item.assetIds as string[] | undefined) ?? [],
    recordedBy: String(Item.recordedBy),
    recordedAt: String(Item.recordedAt),
  };
}

export async function readRegister(gov: string): Promise<RegisteredAsset[]> {
  return (await queryPrefix(`ASSETS#${gov}`, 'ASSET#', { ConsistentRead: true })).map(assetOf);
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

/**
 * The adjustment, the assets it registers, its ledger totals and its audit record, all or nothing:
 * only while the year is not closed (`yearOpen`: no year-end marker, not even `closing`), once per
 * year and kind (`adjustment`), and never over an asset already registered (`assets`).
 */
export function writeAdjustment(
  recorded: RecordedAdjustment,
  assets: readonly RegisteredAsset[],
  request: RequestInfo,
): Promise<TransactOutcome<'yearOpen' | 'adjustment' | 'assets' | 'balances' | 'audit'>> {
  const table = tableName();
  const { gov, year, kind } = recorded;
  return transact({
    yearOpen: { ConditionCheck: { TableName: table, Key: closingKey(gov, year, 'YEAR'), ConditionExpression: 'attribute_not_exists(pk)' } },
    adjustment: {
      Put: {
        TableName: table,
        Item: { ...adjustmentKey(gov, year, kind), entity: 'adjusting-entry', ...recorded },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    assets: assets.map((a) => ({
      Put: {
        TableName: table,
        Item: { ...assetKey(gov, a.entity, a.assetId), entity: 'register-asset', gov, ...assetAttributes(a) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    balances: balanceDeltas(recorded.entries.map((entry) => ({ gov, year, entry }))).map((delta) => balanceUpdate(table, delta)),
    audit: auditPut(
      table,
      auditRecord(request, { gov, operation: 'recordAdjustingEntries', target: `adjusting entries ${gov}/${year}/${kind}` }),
    ),
  });
}
