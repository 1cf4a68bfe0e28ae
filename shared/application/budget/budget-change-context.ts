import { expenditureIdParts } from '#shared/domain/budget/line-id.ts';
import { cutLines } from '#shared/domain/budget/council-amendments.ts';
import type { ChangeKind, ChangeLine, CouncilCut } from '#shared/domain/budget/budget-change.ts';
import { noProvisions } from '#shared/domain/budget/general-provisions.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { forbidden, refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { ReversalAsked } from '#shared/application/reversal-of.ts';
import { getChange, REVERSAL_SUFFIX } from '#shared/stores/budget/changes.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import type { StoredLineControl } from '#shared/stores/budget/controls.ts';
import { getDelegations } from '#shared/stores/budget/delegation.ts';
import { getVersion, getYear, listVersions } from '#shared/stores/budget/version.ts';

/** The date of a decision in Korea (UTC+9): the day the request was received there. */
export const decisionDateOf = (receivedAt: string): string => new Date(Date.parse(receivedAt) + 9 * 3_600_000).toISOString().slice(0, 10);
export const quarterOf = (date: string): number => Math.ceil(Number(date.slice(5, 7)) / 3);

/**
 * The record of a change's reversal (never an edit of the original): the original's fields with the
 * amount negated, the reversal's own id, reference, reason, decision and quarter, naming the original.
 * Each kind then says what else differs (a move swaps its lines; a recoding carries the mirror journal).
 */
export function reversalRecord(
  request: RequestInfo,
  original: BudgetChange,
  ids: { readonly reversalId: string; readonly reversalReference: string },
  said: { readonly reference: string; readonly reason: string },
): BudgetChange {
  const decisionDate = decisionDateOf(request.receivedAt);
  return {
    ...original,
    changeId: ids.reversalId,
    reference: ids.reversalReference,
    amount: -original.amount,
    reason: `${said.reason} (reference ${said.reference})`,
    decidedAt: request.receivedAt,
    decisionDate,
    decidedBy: request.caller?.sub ?? 'anonymous',
    role: request.actingRole ?? 'head',
    quarter: quarterOf(decisionDate),
    reverses: original.changeId,
    reversedBy: null,
  };
}

/**
 * What every budget change's reversal shares (a move, a recoding, a 성립전예산): the original as
 * found, not a reversal itself, stored beside it under the reversal suffix, replayed when asked
 * again with the same reference and reason, refused while a control sync runs. Each kind adds
 * its own attempt and contention.
 */
export function changeReversal(asked: ReversalAsked, original: BudgetChange) {
  const { gov, year, originalId, reference, reason } = asked;
  return {
    noun: 'budget change',
    originalId,
    suffix: REVERSAL_SUFFIX,
    original: async () => original,
    notFound: refusal('not-found', 'change-not-found', `no budget change ${originalId} in ${gov}/${year}`),
    irreversible: (change: BudgetChange) =>
      change.reverses ? refusal('unprocessable', 'reversal-of-reversal', `${originalId} is itself a reversal`) : undefined,
    stored: (change: BudgetChange, reversalReference: string) => getChange(gov, year, change.kind, reversalReference),
    sameRequest: (stored: BudgetChange) => stored.reason === `${reason} (reference ${reference})`,
    failed: (_change: BudgetChange, failed: ReadonlySet<string>) => (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
  };
}

/** What the rules read of a control item. */
export function changeLineOf(control: StoredLineControl): ChangeLine {
  return {
    lineId: control.lineId,
    kind: control.kind,
    fund: control.fund,
    itemCode: control.itemCode,
    policy: expenditureIdParts(control.lineId)?.policy ?? '',
    budget: control.budget,
    allotted: control.allotted,
    committed: Number(control.committed ?? 0),
    resolved: Number(control.resolved ?? 0),
    ordered: Number(control.ordered ?? 0),
    paid: Number(control.paid ?? 0),
  };
}

/** What the council cut or abolished in the versions of the year it resolved (the `resolve` step's amendments). */
export async function councilCuts(gov: string, year: number): Promise<CouncilCut[]> {
  const versions = await listVersions(gov, year);
  return versions
    .filter((v) => v.state === 'final' || v.state === 'resolved')
    .flatMap((v) => cutLines(v.amendments).map((cut) => ({ ...cut, version: v.number })));
}

/** The 예산총칙 of the year's final version. */
export async function finalProvisions(gov: string, year: number): Promise<{ version: number; provisions: GeneralProvisions }> {
  const { finalVersion } = await getYear(gov, year);
  if (finalVersion === undefined) return { version: -1, provisions: noProvisions };
  const version = await getVersion(gov, year, finalVersion);
  return { version: finalVersion, provisions: version?.provisions ?? noProvisions };
}

/** The head decides every change; another role only where the head delegated that kind to it. */
export async function requireAuthority(request: RequestInfo, gov: string, kind: ChangeKind): Promise<string> {
  const role = request.actingRole ?? 'head';
  if (role === 'head') return role;
  const delegations = await getDelegations(gov);
  if (delegations[kind]?.includes(role)) return role;
  throw forbidden('delegation-not-granted', `the head of ${gov} has not delegated ${kind} to ${role}`, {
    kind,
    role,
    delegated: delegations[kind] ?? [],
  });
}
