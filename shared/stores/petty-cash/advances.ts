import { tableName } from '#shared/config/env.ts';
import type { PettyCashAdvance } from '#shared/domain/petty-cash/advance.ts';
import { getRecord } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Keys of the 일상경비등 advances:
 *
 *   pk PETTYCASH#{gov}#{year}   sk ADVANCE#{advanceId}   the advance with its spendings and returns
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
