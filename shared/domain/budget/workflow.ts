import type { Role } from '#shared/auth/roles.ts';

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
  if (transition.approval && previousSubject !== undefined && previousSubject === subject) {
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
