import { tableName } from '#shared/config/env.ts';
import type { EstimatedPayment } from '#shared/domain/estimate/estimate.ts';
import { getRecord } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Keys of the 개산급 records:
 *
 *   pk ESTIMATE#{gov}#{year}   sk {estimateId}       one 개산급 with its settlement
 *   pk ESTIMATE#{gov}          sk ORDER#{orderId}    the record naming that payment order (year, estimateId):
 *                                                    one record per order; the 정산 posting reads it
 */
export const estimateKey = (gov: string, year: number, estimateId: string) => ({ pk: `ESTIMATE#${gov}#${year}`, sk: estimateId });
export const estimateTarget = (gov: string, year: number, estimateId: string): string => `estimate ${gov}/${year}/${estimateId}`;

/** Puts a new estimate, or (with `revision`) replaces the one read at that revision. */
export const putEstimate = (estimate: EstimatedPayment, revision?: number): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...estimateKey(estimate.gov, estimate.year, estimate.estimateId), entity: 'estimated-payment', ...estimate },
    ...(revision === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'revision = :revision', ExpressionAttributeValues: { ':revision': revision } }),
  },
});

export const getEstimate = (gov: string, year: number, estimateId: string): Promise<EstimatedPayment | undefined> =>
  getRecord(estimateKey(gov, year, estimateId));

const orderLinkKey = (gov: string, orderId: string) => ({ pk: `ESTIMATE#${gov}`, sk: `ORDER#${orderId}` });

/** The link from the payment order the 개산급 names to its record; fails if another record names it. */
export const putEstimateOrderLink = (estimate: EstimatedPayment & { readonly orderRef: string }): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...orderLinkKey(estimate.gov, estimate.orderRef),
      entity: 'estimate-order-link',
      year: estimate.year,
      estimateId: estimate.estimateId,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The 개산급 whose record names the payment order `orderId`, if one does. */
export async function getEstimateByOrder(gov: string, orderId: string): Promise<EstimatedPayment | undefined> {
  const link = await getRecord<{ year: number; estimateId: string }>(orderLinkKey(gov, orderId));
  return link === undefined ? undefined : getEstimate(gov, link.year, link.estimateId);
}
