import type { CollectorReceivables } from '#shared/domain/settlement/receivables-by-collector.ts';
import { collectorPartition } from '#shared/stores/budget/control-keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { numbersOf } from '#shared/stores/table/records.ts';

/**
 * A year's 징수관 receivables (one item per 징수관 and revenue line, written by the postings: execution's
 * items.ts `collector`), in one query of their own partition: it grows with 징수관 × lines, never with postings.
 */
export async function readCollectorReceivables(gov: string, year: number): Promise<CollectorReceivables[]> {
  return (await queryPrefix(collectorPartition(gov, year), 'COLLECTOR#', { ConsistentRead: true })).map((item) => ({
    fund: String(item.fund),
    lineId: String(item.lineId),
    collector: String(item.collector),
    ...numbersOf(item, ['assessed', 'received', 'writtenOff', 'receivedLater', 'writtenOffLater']),
  }));
}
