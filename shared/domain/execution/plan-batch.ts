import { evaluate } from '#shared/domain/execution/evaluate.ts';
import type { Applied } from '#shared/domain/execution/evaluate.ts';
import type { ControlledItem, Target } from '#shared/domain/execution/items.ts';
import { collectorTarget, docTarget, lineTarget, targetKey } from '#shared/domain/execution/items.ts';
import type { PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import { referencedDocument } from '#shared/domain/execution/posting.ts';
import { addDeltas } from '#shared/domain/execution/counters.ts';
import type { Deltas } from '#shared/domain/execution/counters.ts';
import type { Need, Snapshot } from '#shared/domain/execution/snapshot.ts';
import { closingPeriods, needKey } from '#shared/domain/execution/snapshot.ts';
import { MissingState, WorkingState } from '#shared/domain/execution/working-state.ts';
import { balanceDeltas, cashMovements } from '#shared/domain/ledger/balances.ts';
import { custodyMovements } from '#shared/domain/execution/custody-movements.ts';
import type { CustodyMovement } from '#shared/domain/execution/custody-movements.ts';
import type { BalanceDelta, CashMovement } from '#shared/domain/ledger/balances.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { ledgerEntryOf, withParty } from '#shared/domain/execution/ledger-entry.ts';
import { acquisitionOf } from '#shared/domain/execution/acquisitions.ts';
import type { Acquisition } from '#shared/domain/execution/acquisitions.ts';
import type { LedgerEntry, Protect } from '#shared/domain/execution/ledger-entry.ts';

export type Outcome =
  | ({ readonly message: PostingMessage } & Applied)
  | { readonly message: PostingMessage; readonly status: 'rejected'; readonly refusal: Refusal }
  /** Already decided (a redelivery, or the same posting twice in the batch): nothing is written. Source: practice: how one batch is planned against the books (exactly once by posting id). */
  | { readonly message: PostingMessage; readonly status: 'duplicate' };

/** The aggregated change of one item over the whole batch. */
export interface ItemChange {
  readonly target: Target;
  /** The item as read; undefined when the batch creates it. */
  readonly before: ControlledItem | undefined;
  readonly after: ControlledItem;
  readonly deltas: Deltas;
  /** Upper bounds of the stored counters (before the batch) that the effects' ceilings imply, tightest kept. */
  readonly storedCeilings?: Readonly<Record<string, bigint>>;
}

/**
 * Everything one batch writes, as one atomic write: the posting records, the aggregated counter
 * changes (one per item however many postings touched it), the running balances, the cash
 * movements for the fund status, and the markers it must find absent.
 */
export interface BatchPlan {
  readonly outcomes: readonly Outcome[];
  readonly changes: readonly ItemChange[];
  readonly balances: readonly BalanceDelta[];
  readonly cash: readonly CashMovement[];
  /** 세입세출외현금 deposited and released, kept apart from budget cash in the fund status. */
  readonly custody: readonly CustodyMovement[];
  /**
   * Posting dates whose closed-period fence must be absent when the batch commits: one per
   * government, fiscal year and date (the fence stands for the day's, month's and year's markers).
   */
  readonly closingChecks: readonly { gov: string; year: number; date: string }[];
  /** Corrections applied: the reversal marker of the original is created with the batch. */
  readonly reversals: readonly { gov: string; originalId: string; correctionId: string }[];
  /**
   * The document ledger's line of every applied posting (ledger-entry.ts), and of every duplicate whose
   * stored result carries one: written right after the batch's transaction (ledger-index.ts).
   */
  readonly ledger: readonly LedgerEntry[];
  /** Finished tangible assets bought (405 자산취득비 …) or their corrections, recorded for the asset register (acquisitions.ts). */
  readonly acquisitions: readonly Acquisition[];
}

export type PlanResult = { readonly plan: BatchPlan } | { readonly missing: readonly Need[] };

/**
 * Plans a batch of postings in queue order: each is judged on the state its predecessors leave, so
 * exactly the postings that fit are applied and the rest are rejected with the rule and numbers.
 * When a rule needs state that was not read, returns what to read instead (the caller reads it and
 * plans again). `protect` turns a named counterparty into its ledger pseudonym; without it (a plan
 * that is never written, such as the API's early refusal) the ledger lines name no new counterparty.
 */
export function planBatch(messages: readonly PostingMessage[], snapshot: Snapshot, protect?: Protect): PlanResult {
  const missing = new Map<string, Need>();
  for (const need of messages.flatMap(initialNeeds)) {
    if (!isRead(snapshot, need)) missing.set(needKey(need), need);
  }
  if (missing.size > 0) return { missing: [...missing.values()] };

  const state = new WorkingState(snapshot);
  const outcomes: Outcome[] = [];
  const ledger: LedgerEntry[] = [];
  const acquisitions: Acquisition[] = [];
  const changes = new Map<string, ItemChange>();
  for (const message of messages) {
    let decision: ReturnType<typeof evaluate> | 'duplicate';
    try {
      decision = state.isDecided(message.gov, message.postingId) ? 'duplicate' : evaluate(message, state);
    } catch (error) {
      if (!(error instanceof MissingState)) throw error;
      // Keep going without this posting's effects: the later ones name what they need too, so
      // most batches need one more read, not one per posting.
      for (const need of error.needs) missing.set(needKey(need), need);
      continue;
    }
    if (missing.size > 0) continue;
    if (decision === 'duplicate') {
      outcomes.push({ message, status: 'duplicate' });
      // Its ledger line is written again: the batch that applied it may have stopped before writing it.
      const stored = state.storedResult(message.gov, message.postingId)?.ledger;
      if (stored && !ledger.some((entry) => entry.gov === stored.gov && entry.postingId === stored.postingId)) ledger.push(stored);
      continue;
    }
    state.markDecided(message.gov, message.postingId);
    if (decision.status === 'rejected') {
      outcomes.push({ message, status: 'rejected', refusal: decision.refusal });
      continue;
    }
    const entry = ledgerEntryOf(message, decision, state, protect);
    const effects = withParty(decision.effects, entry.party);
    ledger.push(entry);
    const acquired = acquisitionOf(message, decision, state.item(lineTarget(message.gov, message.year, decision.lineId)));
    if (acquired) acquisitions.push(acquired);
    for (const effect of effects) {
      const key = targetKey(effect.target);
      const { before, after } = state.afterEffect(effect);
      const previous = changes.get(key);
      const deltas = addDeltas(previous?.deltas ?? {}, effect.deltas);
      const storedCeilings = ceilingsBefore(previous?.storedCeilings, effect.ceilings, deltas);
      changes.set(key, {
        target: effect.target,
        before: previous ? previous.before : effect.create ? undefined : before,
        after,
        deltas,
        ...(storedCeilings ? { storedCeilings } : {}),
      });
    }
    state.apply(effects);
    if (decision.reverses) state.markReversed(message.gov, decision.reverses);
    outcomes.push({ message, ...decision, effects });
  }
  if (missing.size > 0) return { missing: [...missing.values()] };
  return { plan: { ...assemble(outcomes, [...changes.values()], ledger), acquisitions } };
}

/**
 * An effect's ceiling c on a counter holds after it when the stored value s (before the batch) plus
 * the batch's changes so far, this effect's included (Δ), stays ≤ c: s ≤ c − Δ. Tightest bound kept.
 */
function ceilingsBefore(
  previous: Readonly<Record<string, bigint>> | undefined,
  ceilings: Readonly<Record<string, number>> | undefined,
  deltasSoFar: Deltas,
): Readonly<Record<string, bigint>> | undefined {
  if (!ceilings) return previous;
  const bounds: Record<string, bigint> = { ...previous };
  for (const [name, ceiling] of Object.entries(ceilings)) {
    const bound = BigInt(ceiling) - BigInt(deltasSoFar[name] ?? 0);
    const existing = bounds[name];
    if (existing === undefined || bound < existing) bounds[name] = bound;
  }
  return bounds;
}

function assemble(
  outcomes: readonly Outcome[],
  changes: readonly ItemChange[],
  ledger: readonly LedgerEntry[],
): Omit<BatchPlan, 'acquisitions'> {
  const journals = outcomes.flatMap((o) =>
    o.status === 'applied' ? [{ gov: o.message.gov, year: o.message.year, entry: o.journal }] : [],
  );
  const checks = new Map<string, { gov: string; year: number; date: string }>();
  const reversals: { gov: string; originalId: string; correctionId: string }[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'applied') continue;
    const { gov, year, command } = outcome.message;
    checks.set(`${gov}|${year}|${command.date}`, { gov, year, date: command.date });
    if (outcome.reverses) reversals.push({ gov, originalId: outcome.reverses, correctionId: outcome.message.postingId });
  }
  return {
    outcomes,
    changes,
    balances: balanceDeltas(journals),
    cash: cashMovements(journals),
    custody: custodyMovements(
      outcomes.flatMap((o) =>
        o.status === 'applied' ? [{ gov: o.message.gov, year: o.message.year, fund: o.fund, effects: o.effects }] : [],
      ),
    ),
    closingChecks: [...checks.values()],
    reversals,
    ledger,
  };
}

/** Postings that create a document keyed by their own id (see rules/). */
const CREATES_DOCUMENT: ReadonlySet<PostingKind> = new Set([
  'commit',
  'resolve',
  'order',
  'assess',
  'receive',
  'prior-year-receive',
  'prior-year-commit',
]);

/** What every message needs read, known before any rule runs (one round trip for most batches). */
function initialNeeds(message: PostingMessage): Need[] {
  const { gov, year, command } = message;
  const needs: Need[] = [
    { type: 'result', gov, postingId: message.postingId },
    { type: 'item', target: lineTarget(gov, year, message.lineId) },
    ...closingPeriods(command.date).map((period): Need => ({ type: 'closed', gov, year, period })),
  ];
  const document = referencedDocument(command);
  if (document) needs.push({ type: 'item', target: docTarget(gov, document) });
  // The document the posting creates (absent unless it was applied before): read in the same round.
  if (CREATES_DOCUMENT.has(command.kind)) needs.push({ type: 'item', target: docTarget(gov, message.postingId) });
  // A 징수결정 counts on its 징수관's receivables of the line (rules/collector-receivables.ts): read in the same round.
  if (command.kind === 'assess') needs.push({ type: 'item', target: collectorTarget(gov, year, command.lineId, message.actor.sub) });
  if (command.kind === 'correct') {
    needs.push(
      { type: 'result', gov, postingId: command.originalPostingId },
      { type: 'reversal', gov, postingId: command.originalPostingId },
    );
  }
  return needs;
}

function isRead(snapshot: Snapshot, need: Need): boolean {
  const key = needKey(need);
  if (need.type === 'item') return snapshot.items.has(key);
  if (need.type === 'result') return snapshot.results.has(key);
  return snapshot.markers.has(key);
}
