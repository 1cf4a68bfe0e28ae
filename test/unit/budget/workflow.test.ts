import { describe, expect, it } from 'vitest';
import { allRoles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import { allowedTransitions, decideTransition, lineEditorRoles, versionStates, workflowActions } from '#shared/domain/budget/workflow.ts';
import type { VersionState, WorkflowAction } from '#shared/domain/budget/workflow.ts';

/** The whole machine, written out: [from, action, to, roles]. Anything not listed is illegal. */
const legal: readonly [VersionState, WorkflowAction, VersionState, readonly Role[]][] = [
  ['drafting', 'request', 'requested', ['department_official', 'budget_officer']],
  ['requested', 'return', 'drafting', ['budget_officer']],
  ['requested', 'adjust', 'adjusted', ['budget_officer']],
  ['adjusted', 'reopen', 'requested', ['budget_officer']],
  ['adjusted', 'submit', 'submitted', ['head']],
  ['submitted', 'withdraw', 'adjusted', ['head']],
  ['submitted', 'reject', 'adjusted', ['council_member']],
  ['submitted', 'resolve', 'resolved', ['council_member']],
  ['resolved', 'finalise', 'final', ['head', 'budget_officer']],
];

describe('budget version workflow', () => {
  describe.each(legal)('%s --%s--> %s', (from, action, to, roles) => {
    it.each(roles)('is taken by %s', (role) => {
      const decision = decideTransition(from, action, 'alice', [role], 'bob');
      expect(decision).toMatchObject({ ok: true, role, transition: { to } });
    });
    it.each(allRoles.filter((role) => !roles.includes(role)))('is refused to %s', (role) => {
      expect(decideTransition(from, action, 'alice', [role], 'bob')).toEqual({ ok: false, reason: 'role-not-permitted', roles });
    });
  });

  const illegal = versionStates.flatMap((state) =>
    workflowActions
      .filter((action) => !legal.some(([from, a]) => from === state && a === action))
      .map((action) => [state, action] as const),
  );
  it.each(illegal)('refuses %s --%s--> as illegal, naming the allowed steps', (state, action) => {
    const allowed = legal.filter(([from]) => from === state).map(([, a]) => a);
    expect(decideTransition(state, action, 'alice', allRoles, undefined)).toEqual({ ok: false, reason: 'illegal-transition', allowed });
  });

  it('has no way out of final', () => {
    expect(allowedTransitions('final')).toEqual([]);
  });

  it.each(['adjust', 'submit', 'resolve', 'finalise'] as const)('4-eyes: the subject of the previous step may not %s', (action) => {
    const [from, , , roles] = legal.find(([, a]) => a === action) ?? [];
    const decision = decideTransition(from as VersionState, action, 'alice', roles as Role[], 'alice');
    expect(decision).toEqual({ ok: false, reason: 'four-eyes', previousSubject: 'alice' });
  });

  it.each(['request', 'return', 'reopen', 'withdraw', 'reject'] as const)(
    '4-eyes does not hold back the non-approval step %s',
    (action) => {
      const [from, , , roles] = legal.find(([, a]) => a === action) ?? [];
      expect(decideTransition(from as VersionState, action, 'alice', roles as Role[], 'alice').ok).toBe(true);
    },
  );

  it('requires a balanced budget for submission, resolution and finalisation only', () => {
    const balanced = allowedTransitions('adjusted')
      .concat(
        allowedTransitions('submitted'),
        allowedTransitions('resolved'),
        allowedTransitions('drafting'),
        allowedTransitions('requested'),
      )
      .filter((t) => t.requiresBalance)
      .map((t) => t.action);
    expect(balanced.sort()).toEqual(['finalise', 'resolve', 'submit']);
  });

  it('lets departments and the budget office edit while drafting, the office while requested, the council while submitted', () => {
    expect(lineEditorRoles('drafting')).toEqual(['department_official', 'budget_officer']);
    expect(lineEditorRoles('requested')).toEqual(['budget_officer']);
    expect(lineEditorRoles('submitted')).toEqual(['council_member']);
    for (const state of ['adjusted', 'resolved', 'final'] as const) expect(lineEditorRoles(state)).toEqual([]);
  });
});
