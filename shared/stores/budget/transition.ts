import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { tableName } from '#shared/config/env.ts';
import { deadlineWarning } from '#shared/domain/budget/deadlines.ts';
import type { GovernmentLevel, VersionWarning } from '#shared/domain/budget/deadlines.ts';
import { revisionConflict, unbalancedBudget, versionNotFound } from '#shared/domain/budget/problems.ts';
import { checkBalance } from '#shared/domain/budget/totals.ts';
import { decideTransition } from '#shared/domain/budget/workflow.ts';
import type { WorkflowAction } from '#shared/domain/budget/workflow.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, forbidden } from '#shared/domain/refusal.ts';
import { finaliseVersion } from '#shared/stores/budget/finalise.ts';
import { getVersion, versionUpdate } from '#shared/stores/budget/version.ts';
import type { HistoryEntry, VersionRecord } from '#shared/domain/budget/version.ts';
import { transactList } from '#shared/stores/table/transact.ts';

/**
 * Takes one workflow step on a version: the state machine decides whether the step exists from
 * this state, the caller's role may take it and the 4-eyes rule holds; approval steps require a
 * balanced budget; the write is conditional on the revision the caller read.
 */
export async function transitionVersion(
  request: RequestInfo,
  caller: Caller,
  level: GovernmentLevel,
  gov: string,
  year: number,
  number: number,
  action: WorkflowAction,
  revision: number,
): Promise<VersionRecord> {
  const version = await getVersion(gov, year, number);
  if (!version) throw versionNotFound(gov, year, number);
  if (version.revision !== revision) throw revisionConflict(number, revision, version.revision);

  const previous = version.history.at(-1);
  const decision = decideTransition(version.state, action, caller.sub, caller.roles, previous?.subject);
  if (!decision.ok) {
    if (decision.reason === 'illegal-transition') {
      throw conflict(
        'illegal-transition',
        `version ${number} is ${version.state}; "${action}" is not possible from there (allowed: ${decision.allowed.join(', ') || 'none'})`,
        { state: version.state, action, allowed: decision.allowed },
      );
    }
    if (decision.reason === 'role-not-permitted') {
      throw forbidden('role-not-permitted', `"${action}" is taken by [${decision.roles.join(', ')}]`, { action, roles: decision.roles });
    }
    throw forbidden('four-eyes', `${caller.sub} took the previous step (${previous?.action}) and may not also take "${action}"`, {
      action,
      previousAction: previous?.action,
      previousSubject: decision.previousSubject,
    });
  }
  const { transition, role } = decision;
  if (transition.requiresBalance) {
    const balance = checkBalance(version.totals);
    if (!balance.balanced) throw unbalancedBudget(balance);
  }

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
  };
  if (action === 'finalise') return finaliseVersion(request, version, next, history);

  const outcome = await transactList([
    versionUpdate(version, { state: transition.to }, { appendHistory: history, appendWarnings: warnings }),
    auditPut(
      tableName(),
      auditRecord(request, { gov, operation: `budgetVersion.${action}`, target: `budget-version ${gov}/${year}/${number}` }),
    ),
  ]);
  if (!outcome.ok) {
    const current = await getVersion(gov, year, number);
    throw revisionConflict(number, revision, current?.revision ?? revision + 1);
  }
  return next;
}
