import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { allotableRefusal, allotmentRefusal, lineNotControlled, reserveAllotmentRefusal } from '#shared/domain/budget/allotment.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { ClosedPeriodSource } from '#shared/application/budget/closed-periods.ts';
import { refuseClosedPeriod } from '#shared/application/budget/closed-periods.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getAllotment, moveAllotted, notSyncing, putAllotment } from '#shared/stores/budget/allotments.ts';
import type { Allotment } from '#shared/stores/budget/allotments.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { allotmentId } from '#shared/stores/budget/keys.ts';

export interface AllotmentRequest {
  readonly lineId: string;
  readonly quarter: number;
  readonly amount: number;
  readonly kind: 'regular' | 'early';
  readonly reference: string;
}

/**
 * Releases part of a final line's budget (예산배정): one TransactWrite raises `allotted` on the
 * control item under the condition that it still holds the values the limit was checked against
 * (allotted + amount ≤ budget), stores the posting (once per line and reference), checks that no
 * control sync is running and writes the audit record. Refused into a closed year.
 */
export async function allot(
  request: RequestInfo,
  gov: string,
  year: number,
  input: AllotmentRequest,
  closed: ClosedPeriodSource,
): Promise<Posted<Allotment>> {
  await refuseClosedPeriod(closed, gov, year);
  const id = allotmentId(input.lineId, input.reference);
  return post({
    stored: () => getAllotment(gov, year, input.lineId, input.reference),
    sameRequest: (stored) => stored.amount === input.amount && stored.quarter === input.quarter && stored.kind === input.kind,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `reference ${input.reference} is already used by another allotment of line ${input.lineId}`, {
        allotmentId: id,
      }),
    attempt: async () => {
      const control = await getLineControl(gov, year, input.lineId);
      if (!control) return lineNotControlled(gov, year, input.lineId);
      const refused =
        allotableRefusal(input.lineId, control) ??
        reserveAllotmentRefusal(input.lineId, control.itemCode) ??
        allotmentRefusal(input.lineId, control, input.amount);
      if (refused) return refused;
      const allotment: Allotment = {
        allotmentId: id,
        gov,
        year,
        ...input,
        reverses: null,
        reversedBy: null,
        reason: null,
        at: request.receivedAt,
        subject: request.caller?.sub ?? 'anonymous',
        allotted: control.allotted + input.amount,
        budget: control.budget,
      };
      return {
        posting: allotment,
        items: {
          control: moveAllotted(gov, year, control, input.amount),
          posting: putAllotment(gov, year, input.reference, allotment),
          notSyncing: notSyncing(gov, year),
          audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'allot', target: `allotment ${gov}/${year}/${id}` })),
        },
      };
    },
    failed: (failed) => (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
    contention: (attempts) =>
      refusal('conflict', 'allotment-contention', `line ${input.lineId} changed during ${attempts} attempts; retry`),
  });
}
