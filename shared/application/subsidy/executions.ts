import { auditRecord } from '#shared/audit/audit-record.ts';
import { applicationTarget, requireApplication, requireWritten, throwIf } from '#shared/application/subsidy/common.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { CostLine } from '#shared/domain/subsidy/application.ts';
import { allocationChangeRefusal, executionRefusal } from '#shared/domain/subsidy/execution.ts';
import type { FundSource } from '#shared/domain/subsidy/execution.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import { withdrawnRefusal } from '#shared/domain/subsidy/objection.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { executionItem, updateApplication } from '#shared/stores/subsidy/applications.ts';
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
export async function recordExecution(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  input: ExecutionInput,
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'execute'));
  throwIf(withdrawnRefusal(application.objections ?? [], input.date));
  throwIf(
    executionRefusal({ ...input, allocation: application.allocation ?? [], executed: application.executed, period: application.period }),
  );
  const before = application.executed[input.item] ?? { grant: 0, own: 0 };
  const executed = { ...application.executed, [input.item]: { ...before, [input.source]: before[input.source] + input.amount } };
  const { sk } = executionKey(gov, year, applicationId, request.receivedAt, request.requestId);
  const record = { applicationId, ...input, recordedAt: request.receivedAt };
  const audit = auditRecord(request, { gov, operation: 'subsidy.execution.record', target: applicationTarget(application) });
  requireWritten(await updateApplication(application, { executed }, { execution: executionItem(gov, year, record, sk) }, audit));
  return { ...application, executed, revision: application.revision + 1 };
}

/** The recipient asks to change the cost allocation (보조금법 §14); one change waits at a time. */
export async function requestAllocationChange(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  input: { readonly costs: readonly CostLine[]; readonly reason: string },
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'execute'));
  if (application.pendingAllocation)
    throw conflict('allocation-change-pending', 'a change of the allocation is waiting for approval already');
  throwIf(allocationChangeRefusal(input.costs, application.decision?.amount ?? 0, application.executed));
  const pendingAllocation = { ...input, requestedAt: request.receivedAt };
  const audit = auditRecord(request, { gov, operation: 'subsidy.allocation.request', target: applicationTarget(application) });
  requireWritten(await updateApplication(application, { pendingAllocation }, {}, audit));
  return { ...application, pendingAllocation, revision: application.revision + 1 };
}

/** The 사업부서 approves (the allocation is replaced) or refuses (the request is dropped). */
export async function decideAllocationChange(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  approve: boolean,
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'execute'));
  const pending = application.pendingAllocation;
  if (!pending) throw conflict('no-allocation-change', 'there is no change of the allocation to decide');
  if (approve) throwIf(allocationChangeRefusal(pending.costs, application.decision?.amount ?? 0, application.executed));
  const changes: Partial<ApplicationRecord> = approve
    ? { allocation: pending.costs, pendingAllocation: undefined as never }
    : { pendingAllocation: undefined as never };
  const audit = auditRecord(request, {
    gov,
    operation: approve ? 'subsidy.allocation.approve' : 'subsidy.allocation.refuse',
    target: applicationTarget(application),
  });
  requireWritten(await updateApplication(application, changes, {}, audit));
  const { pendingAllocation: _dropped, ...rest } = application;
  return { ...rest, ...(approve ? { allocation: pending.costs } : {}), revision: application.revision + 1 };
}
