import { planBatch } from '#shared/domain/execution/plan-batch.ts';
import type { BatchPlan } from '#shared/domain/execution/plan-batch.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { emptySnapshot } from '#shared/domain/execution/snapshot.ts';
import { readNeeds } from '#shared/stores/execution/posting-state.ts';
import { counterpartyId } from '#shared/application/execution/counterparty-id.ts';

/** Rounds of reads a plan may ask for (a batch normally needs one or two). */
const MAX_READ_ROUNDS = 6;

/**
 * Plans postings on the books as they stand: the pure planner says what state its rules need, the
 * store reads it, until the batch can be planned. Used by the consumer to apply and by the API to
 * refuse early.
 */
export async function planAgainstBooks(messages: readonly PostingMessage[]): Promise<BatchPlan> {
  let snapshot = emptySnapshot();
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const result = planBatch(messages, snapshot, counterpartyId);
    if ('plan' in result) return result.plan;
    snapshot = await readNeeds(snapshot, result.missing);
  }
  throw new Error(`a batch of ${messages.length} postings still needed state after ${MAX_READ_ROUNDS} reads`);
}
