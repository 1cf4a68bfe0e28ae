import { describe, expect, it } from 'vitest';
import { allowedActions, cycleActions, cycleStates, decideCycleTransition, requireCycleState } from '#shared/domain/participation/cycle.ts';
import type { CycleAction, CycleState } from '#shared/domain/participation/cycle.ts';
import { Refused } from '#shared/domain/refusal.ts';

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
    expect(decideCycleTransition(state, action).to).toBe(to);
  });

  it.each(pairs.filter((pair) => pair.to === undefined))(
    '$state --$action--> 409 naming the state and the allowed actions',
    ({ state, action }) => {
      let problem: unknown;
      try {
        decideCycleTransition(state, action);
      } catch (error) {
        problem = error;
      }
      expect(problem).toBeInstanceOf(Refused);
      expect((problem as Refused).refusal).toMatchObject({
        kind: 'conflict',
        code: 'illegal-cycle-transition',
        context: { state, action, allowedActions: allowedActions(state) },
      });
      expect((problem as Refused).refusal.detail).toContain(state);
    },
  );

  it('allows nothing once closed', () => {
    expect(allowedActions('closed')).toEqual([]);
  });

  it('names the state an operation needs', () => {
    expect(() => requireCycleState('review', 'voting', 'voting')).toThrow(
      expect.objectContaining({
        refusal: expect.objectContaining({ kind: 'conflict', code: 'cycle-not-voting', context: { state: 'review', needed: 'voting' } }),
      }),
    );
    expect(() => requireCycleState('voting', 'voting', 'voting')).not.toThrow();
  });
});
