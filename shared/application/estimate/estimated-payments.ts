import { recordNew } from '#shared/application/record-new.ts';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { estimateRefusal, settle } from '#shared/domain/estimate/estimate.ts';
import type { EstimatedPayment } from '#shared/domain/estimate/estimate.ts';
import { Refused, conflict, notFound } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { estimateTarget, getEstimate, putEstimate } from '#shared/stores/estimate/estimates.ts';
import { transact } from '#shared/stores/table/transact.ts';

export type EstimateInput = Omit<EstimatedPayment, 'gov' | 'year' | 'settlement' | 'revision'>;

/** Records a 개산급 for a 회계령 §45 case. */
export async function recordEstimatedPayment(
  request: RequestInfo,
  gov: string,
  year: number,
  input: EstimateInput,
): Promise<EstimatedPayment> {
  const estimate: EstimatedPayment = { ...input, gov, year, revision: 1 };
  const refused = estimateRefusal(estimate);
  if (refused) throw new Refused(refused);
  await recordNew(
    request,
    { gov, operation: 'estimate.record', target: estimateTarget(gov, year, input.estimateId) },
    putEstimate(estimate),
    () => conflict('estimate-exists', `${year} has a 개산급 ${input.estimateId} already`),
  );
  return estimate;
}

export async function requireEstimate(gov: string, year: number, estimateId: string): Promise<EstimatedPayment> {
  const found = await getEstimate(gov, year, estimateId);
  if (!found) throw notFound('estimate-not-found', `government ${gov} has no 개산급 ${estimateId} in ${year}`);
  return found;
}

/** 정산: the actual cost, and the difference to pay or to be returned (once). */
export async function settleEstimatedPayment(
  request: RequestInfo,
  gov: string,
  year: number,
  estimateId: string,
  settledOn: string,
  actual: number,
) {
  const estimate = await requireEstimate(gov, year, estimateId);
  const outcome = settle(estimate, settledOn, actual);
  if ('refusal' in outcome) throw new Refused(outcome.refusal);
  const settled: EstimatedPayment = { ...estimate, settlement: outcome.settlement, revision: estimate.revision + 1 };
  const written = await transact({
    estimate: putEstimate(settled, estimate.revision),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'estimate.settle', target: estimateTarget(gov, year, estimateId) }),
    ),
  });
  if (!written.ok) throw conflict('revision-conflict', `개산급 ${estimateId} changed while it was being settled; read it again`);
  return settled;
}
