import { refusal } from '#shared/domain/refusal.ts';
import type { Decided, Refusal } from '#shared/domain/refusal.ts';

/**
 * The participatory budgeting cycle (주민참여예산, 지방재정법 §39) of one government and year:
 *
 *   proposals-open ──start-review──▶ review ──open-voting──▶ voting ──close──▶ counting ──▶ closed
 *         ▲                            │
 *         └──────reopen-proposals──────┘
 *
 * Residents propose while proposals are open; the committee reviews every proposal in review
 * (voting cannot open while one is unreviewed); verified residents vote; `close` first stops the
 * votes (counting) and then publishes the result (closed). A close cut short after counting is
 * resumed by sending `close` again.
 */
export const cycleStates = ['proposals-open', 'review', 'voting', 'counting', 'closed'] as const;
export type CycleState = (typeof cycleStates)[number];

export const cycleActions = ['start-review', 'reopen-proposals', 'open-voting', 'close'] as const;
export type CycleAction = (typeof cycleActions)[number];

export interface CycleTransition {
  readonly action: CycleAction;
  readonly from: readonly CycleState[];
  readonly to: CycleState;
}

export const cycleTransitions: readonly CycleTransition[] = [
  { action: 'start-review', from: ['proposals-open'], to: 'review' },
  { action: 'reopen-proposals', from: ['review'], to: 'proposals-open' },
  { action: 'open-voting', from: ['review'], to: 'voting' },
  { action: 'close', from: ['voting', 'counting'], to: 'closed' },
];

export const allowedActions = (state: CycleState): CycleAction[] =>
  cycleTransitions.filter((transition) => transition.from.includes(state)).map((transition) => transition.action);

export type CycleDecision = Decided<{ readonly transition: CycleTransition }>;

/** The transition `action` takes from `state`, or a conflict naming the current state and what is allowed. */
export function decideCycleTransition(state: CycleState, action: CycleAction): CycleDecision {
  const transition = cycleTransitions.find((candidate) => candidate.action === action);
  if (transition?.from.includes(state)) return { ok: true, transition };
  return { ok: false, refusal: illegalCycleTransition(state, action) };
}

export const illegalCycleTransition = (state: CycleState, action: CycleAction): Refusal => {
  const allowedFrom = cycleTransitions.find((candidate) => candidate.action === action)?.from ?? [];
  const allowed = allowedActions(state);
  return refusal(
    'conflict',
    'illegal-cycle-transition',
    `the participation cycle is ${state}; ${action} needs it to be ${allowedFrom.join(' or ')} (allowed now: ${allowed.join(', ') || 'nothing'})`,
    { state, action, allowedFrom, allowedActions: allowed },
  );
};

/** Why an action-free operation (propose, review, vote) may not run in `state`, or undefined when it may. */
export const cycleStateRefusal = (state: CycleState, needed: CycleState, operation: string): Refusal | undefined =>
  state === needed ? undefined : cycleNotIn(state, needed, operation);

export const cycleNotIn = (state: CycleState, needed: CycleState, operation: string): Refusal =>
  refusal('conflict', `cycle-not-${needed}`, `${operation} needs the participation cycle to be ${needed}; it is ${state}`, {
    state,
    needed,
  });

/** Voting opens only once the committee has reviewed every proposal. */
export const proposalsUnreviewed = (pendingReview: number): Refusal =>
  refusal(
    'conflict',
    'proposals-unreviewed',
    `${pendingReview} proposal(s) still wait for the committee's review; voting opens when every proposal is reviewed`,
    { rule: 'no proposal pending review when voting opens', pendingReview },
  );
