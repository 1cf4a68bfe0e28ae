import type { LedgerCommitment } from '#shared/domain/settlement/carry-over.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { batchGet } from '#shared/stores/table/batch-get.ts';

/** The named commitments (execution's commitment documents) as the 사고이월 cap reads them; absent ids are left out. */
export async function readLedgerCommitments(gov: string, ids: readonly string[]): Promise<Map<string, LedgerCommitment>> {
  const found = new Map<string, LedgerCommitment>();
  const items = await batchGet(
    ids.map((id) => documentKey(gov, id)),
    { consistent: true },
  );
  for (const item of items.values()) {
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
  return found;
}
