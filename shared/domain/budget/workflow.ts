import type { Role } from '#shared/auth/roles.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Decided, Refusal } from '#shared/domain/refusal.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';

/**
 * The formulation workflow of one budget version (본예산 or n차 추경):
 *
 *   drafting ──request──▶ requested ──adjust──▶ adjusted ──submit──▶ submitted ──resolve──▶ resolved ──finalise──▶ final
 *       ▲                    │  ▲                   │  ▲                  │
 *       └──────return────────┘  └──────reopen───────┘  └──withdraw/reject─┘
 *
 * drafting: departments enter their requests (요구); requested: the budget office adjusts (조정);
 * adjusted: the draft is frozen for the head; submitted: before the council (제출), which may amend
 * lines; resolved: passed by the council (의결); final: 확정, immutable.
 * Source: 지방자치법 §142 (the head submits, the council resolves); request/adjust and the four-eyes rule are practice.
 */
export const versionStates = ['drafting', 'requested', 'adjusted', 'submitted', 'resolved', 'final'] as const;
export type VersionState = (typeof versionStates)[number];

export const workflowActions = ['request', 'return', 'adjust', 'reopen', 'submit', 'withdraw', 'reject', 'resolve', 'finalise'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface Transition {
  readonly action: WorkflowAction;
  readonly from: VersionState;
  readonly to: VersionState;
  readonly roles: readonly Role[];
  /** An approval step: the subject who performed the previous step may not take it (4-eyes). */
  readonly approval: boolean;
  /** Revenue must equal expenditure before the step is taken. */
  readonly requiresBalance: boolean;
}

const step = (
  action: WorkflowAction,
  from: VersionState,
  to: VersionState,
  roles: readonly Role[],
  options: { approval?: boolean; requiresBalance?: boolean } = {},
): Transition => ({ action, from, to, roles, approval: options.approval ?? false, requiresBalance: options.requiresBalance ?? false });

export const transitions: readonly Transition[] = [
  step('request', 'drafting', 'requested', ['department_official', 'budget_officer']),
  step('return', 'requested', 'drafting', ['budget_officer']),
  step('adjust', 'requested', 'adjusted', ['budget_officer'], { approval: true }),
  step('reopen', 'adjusted', 'requested', ['budget_officer']),
  step('submit', 'adjusted', 'submitted', ['head'], { approval: true, requiresBalance: true }),
  step('withdraw', 'submitted', 'adjusted', ['head']),
  step('reject', 'submitted', 'adjusted', ['council_member']),
  step('resolve', 'submitted', 'resolved', ['council_member'], { approval: true, requiresBalance: true }),
  step('finalise', 'resolved', 'final', ['head', 'budget_officer'], { approval: true, requiresBalance: true }),
];

export const allowedTransitions = (state: VersionState): readonly Transition[] => transitions.filter((t) => t.from === state);

export type TransitionDecision =
  | { readonly ok: true; readonly transition: Transition; readonly role: Role }
  | { readonly ok: false; readonly reason: 'illegal-transition'; readonly allowed: readonly WorkflowAction[] }
  | { readonly ok: false; readonly reason: 'role-not-permitted'; readonly roles: readonly Role[] }
  | { readonly ok: false; readonly reason: 'four-eyes'; readonly previousSubject: string };

/**
 * Whether `subject` holding `roles` may take `action` on a version in `state`, given who performed
 * the step that brought it there.
 */
export function decideTransition(
  state: VersionState,
  action: WorkflowAction,
  subject: string,
  roles: readonly Role[],
  previousSubject: string | undefined,
): TransitionDecision {
  const transition = transitions.find((t) => t.from === state && t.action === action);
  if (!transition) return { ok: false, reason: 'illegal-transition', allowed: allowedTransitions(state).map((t) => t.action) };
  const role = roles.find((r) => transition.roles.includes(r));
  if (!role) return { ok: false, reason: 'role-not-permitted', roles: transition.roles };
  if (transition.approval && previousSubject !== undefined && sameOfficial(previousSubject, subject)) {
    return { ok: false, reason: 'four-eyes', previousSubject };
  }
  return { ok: true, transition, role };
}

/** Who may change lines in each state (council amendments happen while the version is submitted). */
const lineEditors: Readonly<Record<VersionState, readonly Role[]>> = {
  drafting: ['department_official', 'budget_officer'],
  requested: ['budget_officer'],
  adjusted: [],
  submitted: ['council_member'],
  resolved: [],
  final: [],
};

export const lineEditorRoles = (state: VersionState): readonly Role[] => lineEditors[state];

/** The refusal of a step the workflow does not allow, with what is allowed, who may, or who took the previous step. */
export function transitionRefusal(
  decision: Exclude<TransitionDecision, { readonly ok: true }>,
  state: VersionState,
  number: number,
  action: WorkflowAction,
  subject: string,
  previousAction: string | undefined,
): Refusal {
  if (decision.reason === 'illegal-transition') {
    return refusal(
      'conflict',
      'illegal-transition',
      `version ${number} is ${state}; "${action}" is not possible from there (allowed: ${decision.allowed.join(', ') || 'none'})`,
      { state, action, allowed: decision.allowed },
    );
  }
  if (decision.reason === 'role-not-permitted') {
    return refusal('forbidden', 'role-not-permitted', `"${action}" is taken by [${decision.roles.join(', ')}]`, {
      action,
      roles: decision.roles,
    });
  }
  return refusal('forbidden', 'four-eyes', `${subject} took the previous step (${previousAction}) and may not also take "${action}"`, {
    action,
    previousAction,
    previousSubject: decision.previousSubject,
  });
}

/** The role under which a caller holding `roles` may edit lines in the version's state, or why not. */
export function lineEditingRole(state: VersionState, roles: readonly Role[]): Decided<{ readonly role: Role }> {
  const editors = lineEditorRoles(state);
  if (editors.length === 0) {
    return { ok: false, refusal: refusal('conflict', 'version-not-editable', `lines of a ${state} version cannot be changed`, { state }) };
  }
  const role = roles.find((r) => editors.includes(r));
  if (!role) {
    return {
      ok: false,
      refusal: refusal('forbidden', 'role-not-permitted', `in state ${state} lines are changed by [${editors.join(', ')}]`, {
        state,
        editors,
      }),
    };
  }
  return { ok: true, role };
}
