import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { afterYearEndRefusal, componentOf, moveRefusal, reserveLineRefusal } from '#shared/domain/budget/budget-change.ts';
import type { ChangeKind, ChangeLine } from '#shared/domain/budget/budget-change.ts';
import { lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { changeLineOf, decisionDateOf, quarterOf, requireAuthority } from '#shared/application/budget/budget-change-context.ts';
import { notSyncing } from '#shared/stores/budget/allotments.ts';
import { createControl, getChange, moveBudget, putChange } from '#shared/stores/budget/changes.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import type { StoredLineControl } from '#shared/stores/budget/controls.ts';
import { listDepartments } from '#shared/stores/budget/structure.ts';
import { changeId } from '#shared/stores/budget/keys.ts';

export interface MoveRequest {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly reference: string;
  readonly reason: string;
  /** 전용 into a new 목: the department that will execute it (default: the source's). */
  readonly dept?: string | undefined;
}

/** What a kind adds to a move: its legal basis, its own rules, and what the record references. */
export interface MoveKind {
  readonly kind: Exclude<ChangeKind, 'recoding' | 'pre-established'>;
  readonly basis: string;
  /** The kind's own rules on the two lines (the shared ones — balance, 회계, year, 예비비 — run first). */
  readonly rules: (from: ChangeLine, to: ChangeLine) => Promise<Refusal | undefined>;
  readonly record?: Partial<Pick<BudgetChange, 'clause' | 'reorganisation' | 'reserve'>>;
  /** 전용 only: the target line when it is not in the budget yet (new-diversion-line.ts); else project-not-in-budget. */
  readonly newTarget?: (from: ChangeLine, toLineId: string) => ChangeLine | Refusal;
}

/**
 * Moves 예산현액 from one line to another in one TransactWrite: the source's budget falls (only if
 * it still has the budget and allotment the rules saw: budget − allotted ≥ amount), the target's
 * rises, both in the kind's named component and in `changesNet`; the change is recorded once under
 * its reference (the same reference and body replay it; another body is 409 reference-used); no
 * control sync may be running; the audit record is written. The total budget is unchanged.
 */
export async function postBudgetMove(
  request: RequestInfo,
  gov: string,
  year: number,
  input: MoveRequest,
  kind: MoveKind,
): Promise<Posted<BudgetChange>> {
  const id = changeId(kind.kind, input.reference);
  const decisionDate = decisionDateOf(request.receivedAt);
  return post({
    stored: () => getChange(gov, year, kind.kind, input.reference),
    sameRequest: (stored) =>
      stored.from === input.from && stored.to === input.to && stored.amount === input.amount && stored.reason === input.reason,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `reference ${input.reference} is already used by another ${kind.kind}`, { changeId: id }),
    attempt: async () => {
      const late = afterYearEndRefusal(kind.kind, year, decisionDate);
      if (late) return late;
      const [source, target] = await Promise.all([getLineControl(gov, year, input.from), getLineControl(gov, year, input.to)]);
      if (!source) return lineNotControlled(gov, year, input.from);
      if (!target && !kind.newTarget) return projectNotInBudget(year, input.to);
      // who may decide is the budget's own rule (after the lines are found, like the workflow's roles)
      const role = await requireAuthority(request, gov, kind.kind);
      const from = changeLineOf(source);
      const to = target ? changeLineOf(target) : (kind.newTarget?.(from, input.to) ?? projectNotInBudget(year, input.to));
      if ('code' in to) return to;
      const dept = input.dept ?? source.dept;
      if (!target && input.dept && !(await listDepartments(gov)).some((d) => d.code === input.dept))
        return refusal('unprocessable', 'unknown-department', `${gov} has no department ${input.dept}`, { dept: input.dept });
      const refused = moveRefusal(from, to, input.amount) ?? reserveLineRefusal(kind.kind, from, to) ?? (await kind.rules(from, to));
      if (refused) return refused;
      const change: BudgetChange = {
        changeId: id,
        gov,
        year,
        kind: kind.kind,
        reference: input.reference,
        from: input.from,
        to: input.to,
        amount: input.amount,
        reason: input.reason,
        basis: kind.basis,
        decidedAt: request.receivedAt,
        decisionDate,
        decidedBy: request.caller?.sub ?? 'anonymous',
        role,
        quarter: quarterOf(decisionDate),
        ...kind.record,
        reverses: null,
        reversedBy: null,
      };
      const component = componentOf[kind.kind];
      return {
        posting: change,
        items: {
          source: moveBudget(gov, year, source, component, -input.amount),
          target: target
            ? moveBudget(gov, year, target, component, input.amount)
            : createControl(gov, year, newLineControl(source, to, dept, component, input.amount)),
          posting: putChange(gov, year, input.reference, change),
          notSyncing: notSyncing(gov, year),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: `budgetChange.${kind.kind}`, target: `budget-change ${gov}/${year}/${id}` }),
          ),
        },
      };
    },
    failed: (failed) => (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
    contention: (attempts) =>
      refusal('conflict', 'change-contention', `lines ${input.from} and ${input.to} changed during ${attempts} attempts; retry`),
  });
}

/** A change may fund only a line of the final budget (지방재정법 §49②1: no project outside the budget). */
export const projectNotInBudget = (year: number, lineId: string): Refusal =>
  refusal(
    'unprocessable',
    'project-not-in-budget',
    `line ${lineId} is not in the final ${year} budget; a change cannot fund a project outside it`,
    {
      rule: 'the target is a line of the final budget',
      basis: '지방재정법 §49②1',
      lineId,
    },
  );

/**
 * The control item of a line a 전용 creates: the moved amount is its whole 예산현액 (in the kind's
 * component and changesNet; 예산액 0), nothing executed; its 부문 and the journal attributes of
 * its 정책사업 (structure type, 기능) come from the source, the journal code from its own 통계목.
 */
function newLineControl(source: StoredLineControl, line: ChangeLine, dept: string, component: string, amount: number) {
  const journal = source.journal;
  return {
    lineId: line.lineId,
    kind: line.kind,
    fund: line.fund,
    itemCode: line.itemCode,
    dept,
    mandatory: false,
    sector: source.sector ?? '',
    budget: amount,
    carryIn: 0,
    enacted: 0,
    changesNet: amount,
    [component]: amount,
    allotted: 0,
    committed: 0,
    resolved: 0,
    ordered: 0,
    paid: 0,
    assessed: 0,
    received: 0,
    refunded: 0,
    version: null,
    provisional: false,
    ...(journal
      ? {
          journal: {
            code: line.itemCode,
            ...(journal.structureType ? { structureType: journal.structureType } : {}),
            ...(journal.function ? { function: journal.function } : {}),
          },
        }
      : {}),
  };
}
