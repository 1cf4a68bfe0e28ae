import type { Acquisition } from '#shared/domain/execution/acquisitions.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';

/**
 * Acquisitions of finished tangible assets (shared/domain/execution/acquisitions.ts), written by the
 * postings consumer in the batch's transaction, read by the 결산정리 that registers them:
 *
 *   pk ACQUISITIONS#{gov}#{year}   sk ACQ#{postingId}    one per 지출결의 (or correction) that moves such an asset
 *
 * A Put of fixed content keyed by posting id (a redelivered batch writes the same item; the RESULT
 * item's condition keeps the batch exactly once). The partition grows with the year's asset purchases
 * only, never with the other postings.
 */
export const acquisitionKey = (a: Pick<Acquisition, 'gov' | 'year' | 'postingId'>) => ({
  pk: `ACQUISITIONS#${a.gov}#${a.year}`,
  sk: `ACQ#${a.postingId}`,
});

export const acquisitionItem = (a: Acquisition): Record<string, unknown> => ({
  ...acquisitionKey(a),
  entity: 'asset-acquisition',
  ...a,
});

export async function readAcquisitions(gov: string, year: number): Promise<Acquisition[]> {
  const items = await queryPrefix(`ACQUISITIONS#${gov}#${year}`, 'ACQ#', { ConsistentRead: true });
  return items.map((item) => ({
    gov,
    year,
    postingId: String(item.postingId),
    fund: String(item.fund),
    lineId: String(item.lineId),
    account: String(item.account),
    amount: Number(item.amount),
    date: String(item.date),
    structureType: item.structureType === '행정운영경비' ? '행정운영경비' : '정책사업',
    ...(item.function ? { function: String(item.function) } : {}),
    ...(item.usefulLifeYears ? { usefulLifeYears: Number(item.usefulLifeYears) } : {}),
    ...(item.reverses ? { reverses: String(item.reverses) } : {}),
  }));
}
