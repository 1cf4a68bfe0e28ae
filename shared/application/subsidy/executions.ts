import { applicationFor, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { CostLine } from '#shared/domain/subsidy/application.ts';
import { allocationChangeRefusal, executionRefusal } from '#shared/domain/subsidy/execution.ts';
import type { FundSource } from '#shared/domain/subsidy/execution.ts';
import { withdrawnRefusal } from '#shared/domain/subsidy/objection.ts';
import { executionItem } from '#shared/stores/subsidy/applications.ts';
import { executionKey } from '#shared/stores/subsidy/keys.ts';
import type { ApplicationRecord } from '#shared/stores/subsidy/records.ts';

export interface ExecutionInput {
  readonly item: string;
  readonly source: FundSource;
  readonly amount: number;
  readonly date: string;
  readonly evidence: { readonly kind: string; readonly reference: string };
}

/** 집행 against the approved allocation (a pending change does not count until approved). */
export async function recordExecution(at: ApplicationAt, input: ExecutionInput): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'execute');
  throwIf(withdrawnRefusal(application.objections ?? [], input.date));
  throwIf(
    executionRefusal({ ...input, allocation: application.allocation ?? [], executed: application.executed, period: application.period }),
  );
  const before = application.executed[input.item] ?? { grant: 0, own: 0 };
  const executed = { ...application.executed, [input.item]: { ...before, [input.source]: before[input.source] + input.amount } };
  const { sk } = executionKey(gov, year, applicationId, request.receivedAt, request.requestId);
  const record = { applicationId, ...input, recordedAt: request.receivedAt };
  return writeStep(request, application, {
    operation: 'subsidy.execution.record',
    changes: { executed },
    others: { execution: executionItem(gov, year, record, sk) },
  });
}

/** The recipient asks to change the cost allocation (보조금법 §14); one change waits at a time. */
export async function requestAllocationChange(
  at: ApplicationAt,
  input: { readonly costs: readonly CostLine[]; readonly reason: string },
): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'execute');
  if (application.pendingAllocation)
    throw conflict('allocation-change-pending', 'a change of the allocation is waiting for approval already');
  throwIf(allocationChangeRefusal(input.costs, application.decision?.amount ?? 0, application.executed));
  const pendingAllocation = { ...input, requestedAt: at.request.receivedAt };
  return writeStep(at.request, application, { operation: 'subsidy.allocation.request', changes: { pendingAllocation } });
}

/** The 사업부서 approves (the allocation is replaced) or refuses (the request is dropped). */
export async function decideAllocationChange(at: ApplicationAt, approve: boolean): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'execute');
  const pending = application.pendingAllocation;
  if (!pending) throw conflict('no-allocation-change', 'there is no change of the allocation to decide');
  if (approve) throwIf(allocationChangeRefusal(pending.costs, application.decision?.amount ?? 0, application.executed));
  // The pending change is removed either way (an attribute changed to undefined is removed).
  const changes: Partial<ApplicationRecord> = approve
    ? { allocation: pending.costs, pendingAllocation: undefined as never }
    : { pendingAllocation: undefined as never };
  return writeStep(at.request, application, {
    operation: approve ? 'subsidy.allocation.approve' : 'subsidy.allocation.refuse',
    changes,
  });
}
