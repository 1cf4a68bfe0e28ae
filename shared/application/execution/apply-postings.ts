import { now } from '#shared/clock.ts';
import type { BatchPlan, Outcome } from '#shared/domain/execution/plan-batch.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { refusal } from '#shared/domain/refusal.ts';
import { batchActions, isTransientFailure, MAX_TRANSACTION_ACTIONS, writeActions } from '#shared/stores/execution/posting-batch-write.ts';
import { planAgainstBooks } from '#shared/application/execution/plan-against-books.ts';
import { putLedgerEntries } from '#shared/stores/execution/ledger-index.ts';

/** Re-plans after a write lost a race (another writer moved an item between read and write). */
const MAX_PLAN_ATTEMPTS = 4;

/**
 * Deliveries after which a posting that fails for a reason that is not transient is decided as
 * `posting-failed` instead of being tried again: below the queue's maxReceiveCount (5), so such a
 * posting is decided before it would reach the dead-letter queue, and its message group moves on.
 */
export const MAX_FAILED_ATTEMPTS = 3;

/** The batch kept losing races to other writers: transient, left for redelivery. */
class LostRaces extends Error {
  override readonly name = 'LostRaces';
}

export interface ApplyReport {
  readonly outcomes: readonly Outcome[];
  readonly capacityUnits: number;
  readonly transactions: number;
}

/**
 * Applies postings in order: read, plan, write atomically, then write their document-ledger lines. A batch whose write would exceed the
 * transaction limit is applied in consecutive parts. Throws on anything but a decided outcome:
 * throttling, conflicts, timeouts, state that kept moving under it, or state it cannot read.
 */
export async function applyPostings(messages: readonly PostingMessage[]): Promise<ApplyReport> {
  if (messages.length === 0) return { outcomes: [], capacityUnits: 0, transactions: 0 };
  for (let attempt = 1; ; attempt++) {
    const plan = await planAgainstBooks(messages);
    const actions = batchActions(plan, now().toISOString());
    if (actions.length > MAX_TRANSACTION_ACTIONS && messages.length > 1) {
      const half = Math.ceil(messages.length / 2);
      return combine([await applyPostings(messages.slice(0, half)), await applyPostings(messages.slice(half))]);
    }
    const written = await writeActions(actions);
    if (written.ok) {
      // After the commit, outside it (issue #21): a crash before this line leaves the postings
      // decided, and their redelivery writes the lines from the stored results (plan-batch.ts).
      const ledgerUnits = await putLedgerEntries(plan.ledger);
      return { outcomes: plan.outcomes, capacityUnits: written.capacityUnits + ledgerUnits, transactions: actions.length > 0 ? 1 : 0 };
    }
    // Lost a race (see writeActions): planning again on fresh state decides it.
    if (attempt >= MAX_PLAN_ATTEMPTS) throw new LostRaces(`the batch lost ${attempt} races in a row; left for redelivery`);
  }
}

/** A posting as the queue delivered it: `attempt` is SQS's ApproximateReceiveCount. */
export interface Delivery {
  readonly message: PostingMessage;
  readonly attempt: number;
}

export interface DeliveryReport extends ApplyReport {
  /** Postings decided `posting-failed` by this call (also among `outcomes`), with what failed. */
  readonly failed: readonly { readonly message: PostingMessage; readonly error: unknown }[];
  /** Left for redelivery: a posting that failed this time and the later postings of its message group. */
  readonly redeliver: readonly { readonly message: PostingMessage; readonly error: unknown }[];
}

/**
 * Applies a delivered batch so that one failing posting never fails a posting of another message
 * group. The batch is one transaction (the cheap path, and the only one while nothing fails); if
 * that fails for any reason but a lost race (those are re-planned inside applyPostings), each
 * message group is applied in its own transaction, and a group that fails again posting by
 * posting, to find the one that fails. The same items are written either way: isolating costs
 * more transactions (and the hot-line aggregation of the failing group) only on failure.
 *
 * A posting that fails for a reason that is not transient (throttling, conflicts and timeouts go
 * away; an item it cannot read does not) on its MAX_FAILED_ATTEMPTS-th delivery is recorded as
 * rejected with `posting-failed`, so its group moves on; the operators see it (status, listing,
 * alarm) and replay it once repaired. Transient failures stay on the queue, as before, and reach
 * the dead-letter queue after maxReceiveCount deliveries.
 */
export async function applyDeliveries(deliveries: readonly Delivery[]): Promise<DeliveryReport> {
  const report = new ReportBuilder();
  try {
    report.add(await applyPostings(deliveries.map((d) => d.message)));
    return report.build();
  } catch {
    const groups = [...Map.groupBy(deliveries, (d) => messageGroupId(d.message)).values()];
    if (groups.length === 1) await applyOneByOne(deliveries, report);
    else for (const group of groups) await applyGroup(group, report);
  }
  return report.build();
}

async function applyGroup(group: readonly Delivery[], report: ReportBuilder): Promise<void> {
  try {
    report.add(await applyPostings(group.map((d) => d.message)));
  } catch {
    await applyOneByOne(group, report);
  }
}

/** In queue order: the postings before the failing one are applied, the failing one decided or left with the rest of its group. */
async function applyOneByOne(group: readonly Delivery[], report: ReportBuilder): Promise<void> {
  for (const [index, delivery] of group.entries()) {
    try {
      report.add(await applyPostings([delivery.message]));
    } catch (error) {
      let left: unknown = error;
      if (!isTransient(error) && delivery.attempt >= MAX_FAILED_ATTEMPTS) {
        try {
          report.addFailed(await recordFailed(delivery, error), error);
          continue;
        } catch (recordError) {
          left = recordError;
        }
      }
      for (const later of group.slice(index)) report.redeliver.push({ message: later.message, error: left });
      return;
    }
  }
}

const isTransient = (error: unknown): boolean => error instanceof LostRaces || isTransientFailure(error);

/** Records the posting as rejected (`posting-failed`): its RESULT and audit record, nothing else moves. */
async function recordFailed(delivery: Delivery, error: unknown): Promise<ApplyReport> {
  const { message, attempt } = delivery;
  const failure = error instanceof Error ? error.name : 'Error';
  const outcome: Outcome = {
    message,
    status: 'rejected',
    // The client sees this reason: it names no internal detail (the log and the alarm carry those).
    refusal: refusal(
      'internal',
      'posting-failed',
      `the posting failed ${attempt} times for a reason that did not go away; the operators replay it once repaired`,
      {
        rule: 'posting-failed',
        attempts: attempt,
        failure,
      },
    ),
  };
  const plan: BatchPlan = {
    outcomes: [outcome],
    changes: [],
    balances: [],
    cash: [],
    custody: [],
    closingChecks: [],
    reversals: [],
    ledger: [],
    acquisitions: [],
  };
  const written = await writeActions(batchActions(plan, new Date().toISOString()));
  // A lost race here means the posting was decided meanwhile (another delivery applied it).
  if (!written.ok) return { outcomes: [{ message, status: 'duplicate' }], capacityUnits: 0, transactions: 0 };
  return { outcomes: [outcome], capacityUnits: written.capacityUnits, transactions: 1 };
}

function combine(reports: readonly ApplyReport[]): ApplyReport {
  return {
    outcomes: reports.flatMap((r) => r.outcomes),
    capacityUnits: reports.reduce((sum, r) => sum + r.capacityUnits, 0),
    transactions: reports.reduce((sum, r) => sum + r.transactions, 0),
  };
}

class ReportBuilder {
  readonly #reports: ApplyReport[] = [];
  readonly #failed: { message: PostingMessage; error: unknown }[] = [];
  readonly redeliver: { message: PostingMessage; error: unknown }[] = [];

  add(report: ApplyReport): void {
    this.#reports.push(report);
  }

  addFailed(report: ApplyReport, error: unknown): void {
    this.#reports.push(report);
    for (const outcome of report.outcomes) if (outcome.status === 'rejected') this.#failed.push({ message: outcome.message, error });
  }

  build(): DeliveryReport {
    return { ...combine(this.#reports), failed: [...this.#failed], redeliver: [...this.redeliver] };
  }
}
