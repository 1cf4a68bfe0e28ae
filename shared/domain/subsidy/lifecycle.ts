import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The states of one application (신청) as it becomes a grant. Each step is allowed from the states
 * listed; anything else is refused with the state and the steps allowed now.
 *
 *   submitted ──review──► reviewed ──decide──► decided ──report──► reported ──settle──► settled ──(returns paid)──► closed
 *        │                   │                    ▲ pay, execute                          │ settle with nothing to return
 *        └──decide (no 공모)──┼────────────────────┘                                       └──────────────► closed
 *                            └─ rejected (committee)
 * cancel (보조금법 §11, §12): from decided or reported; the decision is cut, and where money paid is
 * ordered back the application is settled (the 반환 path), where nothing is left it is closed.
 * Source: the stages of 지방자치단체 보조금 관리에 관한 법률 §7–§19 (신청 … 정산, 반환); the state names are practice.
 */
export const applicationStates = ['submitted', 'reviewed', 'rejected', 'decided', 'reported', 'settled', 'closed'] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const steps = {
  review: ['submitted'],
  decide: ['submitted', 'reviewed'],
  'request-payment': ['decided'],
  pay: ['decided'],
  execute: ['decided'],
  report: ['decided'],
  cancel: ['decided', 'reported'],
  settle: ['reported'],
  return: ['settled'],
  sanction: ['settled', 'closed'],
  // 이의신청 (보조금법 §36의2): against a measure once it was notified, and its decision.
  object: ['decided', 'reported', 'settled', 'closed'],
  'decide-objection': ['decided', 'reported', 'settled', 'closed'],
  // 시정명령 for the 공시 (보조금법 §20의2②) and its compliance: the 공시 falls due after year end, whatever the grant's state.
  'order-disclosure': ['decided', 'reported', 'settled', 'closed'],
  'disclosure-compliance': ['decided', 'reported', 'settled', 'closed'],
} as const satisfies Record<string, readonly ApplicationState[]>;
export type Step = keyof typeof steps;

export function stepRefusal(state: ApplicationState, step: Step): Refusal | undefined {
  if ((steps[step] as readonly ApplicationState[]).includes(state)) return undefined;
  const allowed = (Object.keys(steps) as Step[]).filter((s) => (steps[s] as readonly ApplicationState[]).includes(state));
  return refusal('conflict', 'subsidy-application-state', `the application is ${state}; ${step} is not allowed now`, {
    rule: 'lifecycle',
    state,
    step,
    allowedSteps: allowed,
  });
}
