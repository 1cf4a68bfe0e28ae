import { tableName } from '#shared/config/env.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { adjustmentKey } from '#shared/stores/settlement/adjustments.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The corrections of the year's recorded depreciation that a 과목경정 (or its reversal) makes when it moves
 * registered assets (domain/execution/register-moves.ts depreciationRecharge), kept beside the
 * depreciation they correct, one per recoding:
 *
 *   pk ACCOUNTING#{gov}#{year}   sk ADJUSTMENT#depreciation#RECHARGE#{changeId}   entries (dated 31 December), the recoding's decision date
 *
 * Written in the recoding's transaction with the entries' ledger totals, so the closing reads the
 * corrected charge like any posting; these records are the audit trail of why the ledger's 감가상각
 * differs from the depreciation entries as first recorded.
 */
const rechargePrefix = 'ADJUSTMENT#depreciation#RECHARGE#';

export interface DepreciationRecharge {
  readonly changeId: string;
  readonly entries: readonly JournalEntry[];
  /** yyyy-mm-dd: the recoding's decision date. */
  readonly decidedOn: string;
}

export const rechargeItem = (gov: string, year: number, recharge: DepreciationRecharge): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      pk: adjustmentKey(gov, year, 'depreciation').pk,
      sk: `${rechargePrefix}${recharge.changeId}`,
      entity: 'depreciation-recharge',
      gov,
      year,
      ...recharge,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * The year's depreciation is recorded (its header there and not pending; headers written before the parts
 * existed carry no status): a recharge computed from it still holds, since a recorded kind never changes.
 */
export const depreciationRecorded = (gov: string, year: number): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: adjustmentKey(gov, year, 'depreciation'),
    ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#status) OR #status <> :pending)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending' },
  },
});

export async function readDepreciationRecharges(gov: string, year: number): Promise<DepreciationRecharge[]> {
  return (await queryPrefix(adjustmentKey(gov, year, 'depreciation').pk, rechargePrefix, { ConsistentRead: true })).map((item) => ({
    changeId: String(item.changeId),
    entries: item.entries as JournalEntry[],
    decidedOn: String(item.decidedOn),
  }));
}
