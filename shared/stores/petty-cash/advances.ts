import { tableName } from '#shared/config/env.ts';
import type { PettyCashAdvance } from '#shared/domain/petty-cash/advance.ts';
import { getRecord } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Keys of the 일상경비등 advances:
 *
 *   pk PETTYCASH#{gov}#{year}   sk ADVANCE#{advanceId}   the advance with its spendings and returns
 *   pk PETTYCASH#{gov}          sk ORDER#{orderId}      the record naming that payment order (year, advanceId):
 *                                                         one record per order; the 정산 posting reads it
 */
export const advanceKey = (gov: string, year: number, advanceId: string) => ({
  pk: `PETTYCASH#${gov}#${year}`,
  sk: `ADVANCE#${advanceId}`,
});
export const advanceTarget = (gov: string, year: number, advanceId: string): string => `petty-cash ${gov}/${year}/${advanceId}`;

/** Puts a new advance; fails if the year has one of that id. */
export const putNewAdvance = (advance: PettyCashAdvance): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...advanceKey(advance.gov, advance.year, advance.advanceId), entity: 'petty-cash-advance', ...advance },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const orderLinkKey = (gov: string, orderId: string) => ({ pk: `PETTYCASH#${gov}`, sk: `ORDER#${orderId}` });

/** The link from the payment order the advance names to the advance; fails if another record names it. */
export const putAdvanceOrderLink = (advance: PettyCashAdvance & { readonly orderRef: string }): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...orderLinkKey(advance.gov, advance.orderRef),
      entity: 'petty-cash-order-link',
      year: advance.year,
      advanceId: advance.advanceId,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The advance whose record names the payment order `orderId`, if one does. */
export async function getAdvanceByOrder(gov: string, orderId: string): Promise<PettyCashAdvance | undefined> {
  const link = await getRecord<{ year: number; advanceId: string }>(orderLinkKey(gov, orderId));
  return link === undefined ? undefined : getAdvance(gov, link.year, link.advanceId);
}

/** Replaces the advance if nobody changed it since it was read, bumping the revision. */
export const replaceAdvance = (advance: PettyCashAdvance): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...advanceKey(advance.gov, advance.year, advance.advanceId),
      entity: 'petty-cash-advance',
      ...advance,
      revision: advance.revision + 1,
    },
    ConditionExpression: 'revision = :revision',
    ExpressionAttributeValues: { ':revision': advance.revision },
  },
});

export const getAdvance = (gov: string, year: number, advanceId: string): Promise<PettyCashAdvance | undefined> =>
  getRecord(advanceKey(gov, year, advanceId));
