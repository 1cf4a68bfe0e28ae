import { tableName } from '#shared/config/env.ts';
import type { EstimatedPayment } from '#shared/domain/estimate/estimate.ts';
import { getRecord } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/** pk ESTIMATE#{gov}#{year}, sk {estimateId}: one 개산급 with its settlement. */
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
