import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { LedgerCommitment } from '#shared/domain/settlement/carry-over.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';

/** The named commitments (execution's commitment documents) as the 사고이월 cap reads them; absent ids are left out. */
export async function readLedgerCommitments(gov: string, ids: readonly string[]): Promise<Map<string, LedgerCommitment>> {
  const table = tableName();
  const found = new Map<string, LedgerCommitment>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => documentKey(gov, id));
    while (keys.length > 0) {
      const page = await dynamoClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of page.Responses?.[table] ?? []) {
        if (item.kind !== 'commitment') continue;
        const commitmentId = String(item.pk).slice(`DOC#${gov}#`.length);
        found.set(commitmentId, {
          commitmentId,
          year: Number(item.year),
          lineId: String(item.lineId),
          amount: Number(item.amount ?? 0),
          resolved: Number(item.resolved ?? 0),
          paid: Number(item.paid ?? 0) + Number(item.paidLater ?? 0),
        });
      }
      keys = page.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return found;
}
