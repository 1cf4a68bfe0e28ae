import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  cycleActions,
  cycleStateRefusal,
  cycleStates,
  decideCycleTransition,
  proposalsUnreviewed,
} from '#shared/domain/participation/cycle.ts';
import type { CycleAction, CycleState } from '#shared/domain/participation/cycle.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { problemOf } from '#test/support/problem.ts';

/** The whole table: every (state, action) pair, legal ones with their target state. */
const legal: Readonly<Partial<Record<CycleState, Partial<Record<CycleAction, CycleState>>>>> = {
  'proposals-open': { 'start-review': 'review' },
  review: { 'reopen-proposals': 'proposals-open', 'open-voting': 'voting' },
  voting: { close: 'closed' },
  counting: { close: 'closed' },
  closed: {},
};

const pairs = cycleStates.flatMap((state) => cycleActions.map((action) => ({ state, action, to: legal[state]?.[action] })));

describe('participation cycle state machine', () => {
  it.each(pairs.filter((pair) => pair.to !== undefined))('$state --$action--> $to', ({ state, action, to }) => {
    const decision = decideCycleTransition(state, action);
    expect(decision.ok && decision.transition.to).toBe(to);
  });

  it.each(pairs.filter((pair) => pair.to === undefined))(
    '$state --$action--> 409 naming the state and the allowed actions',
    ({ state, action }) => {
      const decision = decideCycleTransition(state, action);
      if (decision.ok) throw new Error(`${state} --${action}--> should be refused`);
      expect(decision.refusal).toMatchObject({
        kind: 'conflict',
        code: 'illegal-cycle-transition',
        context: { state, action, allowedActions: allowedActions(state) },
      });
      expect(decision.refusal.detail).toContain(state);
    },
  );

  it('answers an illegal transition, once thrown, with a 409 problem', async () => {
    const decision = decideCycleTransition('closed', 'close');
    if (decision.ok) throw new Error('closed --close--> should be refused');
    expect(
      await problemOf(() => {
        throw new Refused(decision.refusal);
      }),
    ).toMatchObject({ status: 409, code: 'illegal-cycle-transition', context: { state: 'closed', action: 'close', allowedActions: [] } });
  });

  it('allows nothing once closed', () => {
    expect(allowedActions('closed')).toEqual([]);
  });

  it('names the state an operation needs', () => {
    expect(cycleStateRefusal('review', 'voting', 'voting')).toMatchObject({
      kind: 'conflict',
      code: 'cycle-not-voting',
      context: { state: 'review', needed: 'voting' },
    });
    expect(cycleStateRefusal('voting', 'voting', 'voting')).toBeUndefined();
  });

  it('names the proposals that still wait for review when voting would open', () => {
    expect(proposalsUnreviewed(3)).toMatchObject({
      kind: 'conflict',
      code: 'proposals-unreviewed',
      context: { rule: 'no proposal pending review when voting opens', pendingReview: 3 },
    });
  });
});
