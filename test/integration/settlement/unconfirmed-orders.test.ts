/**
 * Issue #19: the daily closing's read of payment orders the treasury bank left unpaid — the 지출부's
 * book partition for the window, the order documents' counters — on the embedded table.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { PostingKind } from '#shared/domain/execution/posting.ts';
import { ledgerItems } from '#shared/stores/execution/ledger-index.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { readOrderDocuments } from '#shared/stores/settlement/order-documents.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const GOV = '11110';
const YEAR = 2026;

async function applied(postingId: string, kind: PostingKind, date: string, counters: Record<string, number>): Promise<void> {
  const entry = {
    gov: GOV,
    year: YEAR,
    book: 'expenditure' as const,
    postingId,
    kind,
    date,
    amount: counters.amount ?? 0,
    lineId: 'L1',
    dept: 'd1',
  };
  for (const item of ledgerItems(entry)) await dynamoClient().send(new PutCommand({ TableName: tableName(), Item: item }));
  await dynamoClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...documentKey(GOV, postingId), kind, year: YEAR, ...counters } }),
  );
}

describe('readOrderDocuments', () => {
  it("returns the window's payment orders with their counters, not other kinds or other days", async () => {
    await applied('o-open', 'order', '2026-11-21', { amount: 2_500_000 });
    await applied('o-paid', 'order', '2026-11-27', { amount: 1_000_000, paid: 1_000_000 });
    await applied('o-late', 'order', '2026-11-28', { amount: 700_000 });
    await applied('o-early', 'order', '2026-11-20', { amount: 300_000 });
    await applied('c-1', 'commit', '2026-11-22', { amount: 9_000_000 });
    const orders = await readOrderDocuments(GOV, YEAR, '2026-11-21', '2026-11-27');
    expect(orders.sort((a, b) => a.orderId.localeCompare(b.orderId))).toEqual([
      { orderId: 'o-open', amount: 2_500_000, paid: 0 },
      { orderId: 'o-paid', amount: 1_000_000, paid: 1_000_000 },
    ]);
  });
});
