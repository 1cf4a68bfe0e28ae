import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { CycleState } from '#shared/domain/participation/cycle.ts';
import type { CycleResult } from '#shared/domain/participation/result.ts';
import { cycleKey } from '#shared/stores/participation/keys.ts';
import { getRecord } from '#shared/stores/table/records.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';
import type { Cycle } from '#shared/schemas/participation.ts';

/** The stored cycle: what the API shows (but the actions, which follow from the state) and, once closed, the result. */
export type CycleRecord = Omit<Cycle, 'allowedActions'> & { readonly result?: CycleResult };

export const getCycle = (gov: string, year: number): Promise<CycleRecord | undefined> => getRecord(cycleKey(gov, year));

/** Writes a new cycle with its audit record; `cycle` fails when the government has one for the year already. */
export function insertCycle(record: CycleRecord, audit: AuditRecord): Promise<TransactOutcome<'cycle' | 'audit'>> {
  return transact({
    cycle: {
      Put: {
        TableName: tableName(),
        Item: { ...cycleKey(record.gov, record.year), entity: 'participation-cycle', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

export interface StateChange {
  readonly from: CycleState;
  readonly to: CycleState;
  /** Also require that no proposal waits for review (when voting opens). */
  readonly noPendingReview?: boolean;
  /** The result published with the change (when the cycle closes). */
  readonly result?: CycleResult;
}

/**
 * Moves the cycle to another state with its audit record, in one TransactWrite conditional on the
 * state it was decided from; `cycle` fails when the state (or the pending count) moved meanwhile.
 */
export function changeCycleState(
  gov: string,
  year: number,
  change: StateChange,
  audit: AuditRecord,
): Promise<TransactOutcome<'cycle' | 'audit'>> {
  const { from, to, noPendingReview = false, result } = change;
  return transact({
    cycle: {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: result ? 'SET #state = :to, #result = :result' : 'SET #state = :to',
        ConditionExpression: noPendingReview ? '#state = :from AND pendingReview = :zero' : '#state = :from',
        ExpressionAttributeNames: { '#state': 'state', ...(result ? { '#result': 'result' } : {}) },
        ExpressionAttributeValues: {
          ':to': to,
          ':from': from,
          ...(result ? { ':result': result } : {}),
          ...(noPendingReview ? { ':zero': 0 } : {}),
        },
      },
    },
    audit: auditPut(tableName(), audit),
  });
}
