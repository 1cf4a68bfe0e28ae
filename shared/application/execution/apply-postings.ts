import { now } from '#shared/clock.ts';
import type { Outcome } from '#shared/domain/execution/plan-batch.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { batchActions, MAX_TRANSACTION_ACTIONS, writeActions } from '#shared/stores/execution/posting-batch-write.ts';
import { planAgainstBooks } from '#shared/application/execution/plan-against-books.ts';

/** Re-plans after a write lost a race (another writer moved an item between read and write). */
const MAX_PLAN_ATTEMPTS = 4;

export interface ApplyReport {
  readonly outcomes: readonly Outcome[];
  readonly capacityUnits: number;
  readonly transactions: number;
}

/**
 * Applies postings in order: read, plan, write atomically. A batch whose write would exceed the
 * transaction limit is applied in consecutive parts. Throws (for redelivery) on anything but a
 * decided outcome: throttling, conflicts, timeouts, or state that kept moving under it.
 * `onApplied` reports each part as it commits, so a caller that fails later knows what is done.
 */
export async function applyPostings(
  messages: readonly PostingMessage[],
  onApplied: (count: number) => void = () => undefined,
): Promise<ApplyReport> {
  if (messages.length === 0) return { outcomes: [], capacityUnits: 0, transactions: 0 };
  for (let attempt = 1; ; attempt++) {
    const plan = await planAgainstBooks(messages);
    const actions = batchActions(plan, now().toISOString());
    if (actions.length > MAX_TRANSACTION_ACTIONS && messages.length > 1) {
      const half = Math.ceil(messages.length / 2);
      const first = await applyPostings(messages.slice(0, half), onApplied);
      const second = await applyPostings(messages.slice(half), onApplied);
      return {
        outcomes: [...first.outcomes, ...second.outcomes],
        capacityUnits: first.capacityUnits + second.capacityUnits,
        transactions: first.transactions + second.transactions,
      };
    }
    const written = await writeActions(actions);
    if (written.ok) {
      onApplied(messages.length);
      return { outcomes: plan.outcomes, capacityUnits: written.capacityUnits, transactions: actions.length > 0 ? 1 : 0 };
    }
    // Lost a race (see writeActions): planning again on fresh state decides it.
    if (attempt >= MAX_PLAN_ATTEMPTS) throw new Error(`the batch lost ${attempt} races in a row; left for redelivery`);
  }
}
