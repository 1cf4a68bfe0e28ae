import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { MonthCash } from '#shared/domain/budget/monthly-execution.ts';
import { cashControlKey, controlPartition } from '#shared/stores/budget/control-keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { cashAllocationKey } from '#shared/stores/budget/keys.ts';
import type { PostingFields } from '#shared/stores/budget/posting-items.ts';
import { getPosting, putPosting } from '#shared/stores/budget/posting-items.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

export interface CashAllocation extends PostingFields {
  readonly allocationId: string;
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly month: string;
  readonly kind: 'allocation' | 'reversal';
  readonly allocated: number;
}

/**
 * The counters of a CASH# control item: paid ≤ allocated, claimed ≤ allocated (claimed: paid plus
 * payment orders given in the month not paid yet, moved by execution's postings).
 */
export interface CashCounters {
  readonly allocated: number;
  readonly paid: number;
  readonly claimed: number;
}

export { REVERSAL_SUFFIX } from '#shared/stores/budget/posting-items.ts';

export async function getCash(gov: string, year: number, fund: string, month: string): Promise<CashCounters | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: cashControlKey(gov, year, fund, month), ConsistentRead: true }),
  );
  return Item ? { allocated: Number(Item.allocated), paid: Number(Item.paid), claimed: Number(Item.claimed ?? 0) } : undefined;
}

/** The posting stored under an account, month and reference (allocations and reversals alike). */
export function getCashAllocation(
  gov: string,
  year: number,
  fund: string,
  month: string,
  reference: string,
): Promise<CashAllocation | undefined> {
  return getPosting<CashAllocation>(cashAllocationKey(gov, year, fund, month, reference));
}

/** Creates the CASH# item with zero counters on first use; afterwards moves `allocated` only from the value read. */
export function moveAllocated(
  gov: string,
  year: number,
  fund: string,
  month: string,
  control: CashCounters | undefined,
  delta: number,
): TransactItem {
  const key = cashControlKey(gov, year, fund, month);
  if (!control) {
    return {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression:
          'SET allocated = :delta, paid = :zero, gov = :gov, #year = :year, fund = :fund, #month = :month, entity = :entity',
        ConditionExpression: 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#year': 'year', '#month': 'month' },
        ExpressionAttributeValues: {
          ':delta': delta,
          ':zero': 0,
          ':gov': gov,
          ':year': year,
          ':fund': fund,
          ':month': month,
          ':entity': 'cash-control',
        },
      },
    };
  }
  // A reduction is judged on paid and claimed as read: neither may have moved since.
  const guard =
    delta > 0
      ? 'allocated = :allocated'
      : 'allocated = :allocated AND paid = :paid AND (attribute_not_exists(claimed) OR claimed = :claimed)';
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET allocated = allocated + :delta',
      ConditionExpression: guard,
      ExpressionAttributeValues: {
        ':delta': delta,
        ':allocated': control.allocated,
        ...(delta > 0 ? {} : { ':paid': control.paid, ':claimed': control.claimed }),
      },
    },
  };
}

/** Stores a posting once: the put fails if the account and month already have a posting under the reference. */
export const putCashAllocation = (gov: string, year: number, reference: string, posting: CashAllocation): TransactItem =>
  putPosting(cashAllocationKey(gov, year, posting.fund, posting.month, reference), 'cash-allocation', posting);

/** Every CASH# control item of a government's year: one Query of its BUDGET# collection (months × 회계 items). */
export async function readCashControls(gov: string, year: number): Promise<MonthCash[]> {
  return (await queryPrefix(controlPartition(gov, year), 'CASH#')).map((item) => ({
    fund: String(item.fund),
    month: String(item.month),
    allocated: Number(item.allocated ?? 0),
    paid: Number(item.paid ?? 0),
  }));
}
