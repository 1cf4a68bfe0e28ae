import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ControlWrite, ExistingControl, ZeroedControl } from '#shared/domain/budget/control-sync.ts';
import { zeroCounters } from '#shared/domain/budget/line-counters.ts';
import { controlPartition, lineControlKey } from '#shared/stores/budget/control-keys.ts';
import type { LineControl } from '#shared/stores/budget/control-keys.ts';
import { yearKey } from '#shared/stores/budget/keys.ts';
import { batchWrite, forEachParallel } from '#shared/stores/table/batch-write.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { numbersOf } from '#shared/stores/table/records.ts';

/** Control items as budgeting sees them (plus whether they come from a provisional budget). */
export type StoredLineControl = LineControl & { readonly provisional: boolean };

export async function readLineControls(gov: string, year: number): Promise<ExistingControl[]> {
  const items = await queryPrefix(controlPartition(gov, year), 'LINE#', {
    ProjectionExpression: 'lineId, budget, allotted, carryIn, changesNet, preEstablished',
    ConsistentRead: true,
  });
  return items.map((item) => ({
    lineId: String(item.lineId),
    budget: Number(item.budget),
    allotted: Number(item.allotted),
    ...numbersOf(item, ['carryIn', 'changesNet', 'preEstablished']),
  }));
}

export async function getLineControl(gov: string, year: number, lineId: string): Promise<StoredLineControl | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: lineControlKey(gov, year, lineId), ConsistentRead: true }),
  );
  return Item as StoredLineControl | undefined;
}

/**
 * Writes the control items of a final version or a provisional budget while the year's `syncing`
 * lock keeps allotments out. New items are put whole with zero counters (BatchWrite: nobody else
 * creates LINE# items); existing ones get only `budget`, `carryIn` and descriptive attributes, under
 * the condition that the new budget still covers what is allotted and that no carry-in arrived since
 * the carry-ins were read (a closing that lands in between fails the write; repeating the sync then
 * folds it in). Idempotent, so a failed run can be repeated.
 */
export async function writeLineControls(
  gov: string,
  year: number,
  writes: readonly ControlWrite[],
  zeroed: readonly ZeroedControl[],
  existing: ReadonlySet<string>,
  source: { readonly version: number | null; readonly provisional: boolean },
): Promise<void> {
  const fresh = writes.filter((write) => !existing.has(write.lineId));
  const updates = writes.filter((write) => existing.has(write.lineId));
  await batchWrite(
    fresh.map(({ changesNetWas: _was, ...write }) => ({
      PutRequest: {
        Item: { ...lineControlKey(gov, year, write.lineId), entity: 'budget-control', gov, year, ...write, ...zeroCounters, ...source },
      },
    })),
  );
  const update = async (lineId: string, { changesNetWas, ...set }: Record<string, unknown>) => {
    const changesGuard =
      changesNetWas === 0 ? '(attribute_not_exists(changesNet) OR changesNet = :changesNetWas)' : 'changesNet = :changesNetWas';
    const names = Object.fromEntries(Object.keys(set).map((name) => [`#${name}`, name]));
    const values = Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value]));
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lineControlKey(gov, year, lineId),
        UpdateExpression: `SET ${Object.keys(set)
          .map((name) => `#${name} = :${name}`)
          .join(', ')}`,
        ConditionExpression: `attribute_exists(pk) AND allotted <= :budget AND ${
          set.carryIn === 0 ? '(attribute_not_exists(#carryIn) OR #carryIn = :carryIn)' : '#carryIn = :carryIn'
        } AND ${changesGuard}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':changesNetWas': changesNetWas ?? 0 },
      }),
    );
  };
  await forEachParallel(updates, 16, ({ lineId, ...attributes }) => update(lineId, { ...attributes, ...source }));
  await forEachParallel(zeroed, 16, ({ lineId, budget, carryIn, enacted, changesNetWas }) =>
    update(lineId, { budget, carryIn, enacted, changesNetWas, ...source }),
  );
}

/**
 * Releases the year's `syncing` lock (and marks the version synced) with the audit record of the
 * sync and the year's running 세출 예산현액 (current-budget.ts). `lock` fails when the year is not
 * being synced under `label`; `current` when a carry-in arrived since the total was summed.
 */
export function releaseSyncLock(
  audit: TransactItem,
  gov: string,
  year: number,
  label: string,
  versionKeyToMark: Record<string, unknown> | undefined,
  current: TransactItem,
): Promise<TransactOutcome<'lock' | 'synced' | 'current' | 'audit'>> {
  return transact({
    lock: {
      Update: {
        TableName: tableName(),
        Key: yearKey(gov, year),
        UpdateExpression: 'REMOVE syncing',
        ConditionExpression: 'syncing = :label',
        ExpressionAttributeValues: { ':label': label },
      },
    },
    synced: versionKeyToMark
      ? [
          {
            Update: {
              TableName: tableName(),
              Key: versionKeyToMark,
              UpdateExpression: 'SET controlsSynced = :true',
              ExpressionAttributeValues: { ':true': true },
            },
          },
        ]
      : [],
    current,
    audit,
  });
}

/** Every control item of a government's year (one Query of its BUDGET# collection), for roll-ups and reports. */
export async function readAllControls(gov: string, year: number): Promise<StoredLineControl[]> {
  return (await queryPrefix(controlPartition(gov, year), 'LINE#')) as unknown as StoredLineControl[];
}
