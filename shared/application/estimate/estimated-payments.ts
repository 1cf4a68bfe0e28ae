import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { advanceOrderRefusal, advancePostingOf } from '#shared/domain/advance-posting.ts';
import type { AdvancePostings } from '#shared/domain/advance-posting.ts';
import { estimateRefusal, settle } from '#shared/domain/estimate/estimate.ts';
import type { EstimatedPayment } from '#shared/domain/estimate/estimate.ts';
import { Refused, conflict, notFound } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { estimateTarget, getEstimate, putEstimate, putEstimateOrderLink } from '#shared/stores/estimate/estimates.ts';
import { transact } from '#shared/stores/table/transact.ts';

export type EstimateInput = Omit<EstimatedPayment, 'gov' | 'year' | 'settlement' | 'revision'>;

/** The 개산급's payment order in the books (posting status, settled, unsettled), when the record names one. */
async function withPosting(estimate: EstimatedPayment, postings: AdvancePostings) {
  const order = estimate.orderRef === undefined ? undefined : await postings.order(estimate.gov, estimate.orderRef);
  return { ...estimate, ...(order === undefined ? {} : { posting: advancePostingOf(order) }) };
}

/**
 * Records a 개산급 for a 회계령 §45 case. A record that names its payment order (`orderRef`) names a
 * 개산급 advance order of the same case and amount (its 지출결의 passed §45 on the posting path); one record per
 * order (409 advance-order-recorded), and the order's 정산 then never passes what this record settles
 * (settleableOf: nothing before its own 정산, then the actual cost up to the estimate; 422 settlement-exceeds-record).
 */
export async function recordEstimatedPayment(
  request: RequestInfo,
  gov: string,
  year: number,
  input: EstimateInput,
  postings: AdvancePostings,
) {
  const estimate: EstimatedPayment = { ...input, gov, year, revision: 1 };
  const refused = estimateRefusal(estimate);
  if (refused) throw new Refused(refused);
  const linked = await withPosting(estimate, postings);
  if (input.orderRef !== undefined) {
    const expected = { orderId: input.orderRef, form: 'estimate' as const, item: input.case, amount: input.amount };
    const mismatch = advanceOrderRefusal(linked.posting, expected);
    if (mismatch) throw new Refused(mismatch);
  }
  const target = estimateTarget(gov, year, input.estimateId);
  const orderRef = estimate.orderRef;
  const written = await transact({
    record: putEstimate(estimate),
    // one record per order: the 정산 posting reads the record that names it (settlementAgainstRecord)
    link: orderRef === undefined ? [] : putEstimateOrderLink({ ...estimate, orderRef }),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'estimate.record', target })),
  });
  if (!written.ok && written.failed.has('record')) throw conflict('estimate-exists', `${year} has a 개산급 ${input.estimateId} already`);
  if (!written.ok) throw conflict('advance-order-recorded', `another 개산급 record names payment order ${orderRef} already`);
  return linked;
}

export async function requireEstimate(gov: string, year: number, estimateId: string): Promise<EstimatedPayment> {
  const found = await getEstimate(gov, year, estimateId);
  if (!found) throw notFound('estimate-not-found', `government ${gov} has no 개산급 ${estimateId} in ${year}`);
  return found;
}

export const readEstimatedPayment = async (gov: string, year: number, estimateId: string, postings: AdvancePostings) =>
  withPosting(await requireEstimate(gov, year, estimateId), postings);

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
