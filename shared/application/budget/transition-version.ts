import type { Caller } from '#shared/auth/caller.ts';
import { deadlineWarning } from '#shared/domain/budget/deadlines.ts';
import type { GovernmentLevel, VersionWarning } from '#shared/domain/budget/deadlines.ts';
import { unbalancedBudget } from '#shared/domain/budget/refusals.ts';
import { checkBalance } from '#shared/domain/budget/totals.ts';
import type { HeadConsent, HistoryEntry, VersionRecord } from '#shared/domain/budget/version.ts';
import { raisedLines, raiseWithoutConsent } from '#shared/domain/budget/council-amendments.ts';
import { accountTotals, formulationRefusal } from '#shared/domain/budget/formulation-limits.ts';
import { decideTransition, transitionRefusal } from '#shared/domain/budget/workflow.ts';
import type { WorkflowAction } from '#shared/domain/budget/workflow.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import type { ClosedPeriodSource } from '#shared/application/budget/closed-periods.ts';
import { refuseClosedPeriod } from '#shared/application/budget/closed-periods.ts';
import { finaliseVersion } from '#shared/application/budget/finalise-version.ts';
import { requireRevision, writeRevision } from '#shared/application/budget/require-version.ts';
import { listAccounts } from '#shared/stores/budget/structure.ts';
import { readAllLines, versionUpdate } from '#shared/stores/budget/version.ts';

export interface TransitionRequest {
  readonly gov: string;
  readonly year: number;
  readonly number: number;
  readonly action: WorkflowAction;
  /** The revision the caller read. */
  readonly revision: number;
  /** At `resolve`: the head's consent to the council's raises (지방자치법 §142③). */
  readonly headConsent?: HeadConsent | undefined;
}

/**
 * Takes one workflow step on a version (요구 → 조정 → 제출 → 의결 → 확정 and back): the state
 * machine decides whether the step exists from this state, the caller's role may take it and the
 * 4-eyes rule holds; approval steps require a balanced budget; the write is conditional on the
 * revision the caller read. Finalising also writes the control items (finalise-version.ts).
 */
export async function transitionVersion(
  request: RequestInfo,
  caller: Caller,
  level: GovernmentLevel,
  { gov, year, number, action, revision, headConsent }: TransitionRequest,
  carryIns: CarryInSource,
  closed?: ClosedPeriodSource,
): Promise<VersionRecord> {
  const version = await requireRevision(gov, year, number, revision);
  const previous = version.history.at(-1);
  const decision = decideTransition(version.state, action, caller.sub, caller.roles, previous?.subject);
  if (!decision.ok) throw new Refused(transitionRefusal(decision, version.state, number, action, caller.sub, previous?.action));
  const { transition, role } = decision;
  if (transition.requiresBalance) {
    const balance = checkBalance(version.totals);
    if (!balance.balanced) throw new Refused(unbalancedBudget(balance));
    // Each 회계 balances on its own and keeps its 예비비 within 1%; the 일반회계 carries one (formulation-limits.ts).
    const [lines, accounts] = await Promise.all([readAllLines(version), listAccounts(gov)]);
    const general = new Set(accounts.filter((account) => account.kind === 'general').map((account) => account.code));
    const limits = formulationRefusal(accountTotals(lines), general);
    if (limits) throw new Refused(limits);
  }
  const raised = action === 'resolve' ? raisedLines(version.amendments) : [];
  if (raised.length > 0 && !headConsent) throw new Refused(raiseWithoutConsent(raised));
  const consent = raised.length > 0 && headConsent ? { headConsent } : {};

  const history: HistoryEntry = { action, from: version.state, to: transition.to, subject: caller.sub, role, at: request.receivedAt };
  const warnings: VersionWarning[] = [];
  if (version.kind === 'original' && (action === 'submit' || action === 'resolve')) {
    const warning = deadlineWarning(action, level, year, request.receivedAt);
    if (warning) warnings.push(warning);
  }
  const next: VersionRecord = {
    ...version,
    state: transition.to,
    revision: version.revision + 1,
    history: [...version.history, history],
    warnings: [...version.warnings, ...warnings],
    ...consent,
  };
  // A budget change that takes effect (finalise) is refused into a closed year.
  if (action === 'finalise' && closed) await refuseClosedPeriod(closed, gov, year);
  if (action === 'finalise') return finaliseVersion(request, version, next, history, carryIns);

  const update = versionUpdate(version, { state: transition.to, ...consent }, { appendHistory: history, appendWarnings: warnings });
  const lost = await writeRevision(request, version, update, `budgetVersion.${action}`);
  if (lost) throw lost;
  return next;
}
