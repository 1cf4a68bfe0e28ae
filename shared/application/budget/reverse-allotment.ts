import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { allotmentReversalRefusal, lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { closedPeriodFailure } from '#shared/application/budget/closed-periods.ts';
import type { OpenPeriodChecks } from '#shared/application/budget/closed-periods.ts';
import { reversalOf } from '#shared/application/reversal-of.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getAllotment, moveAllotted, notSyncing, putAllotment, REVERSAL_SUFFIX } from '#shared/stores/budget/allotments.ts';
import type { Allotment } from '#shared/stores/budget/allotments.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { parseAllotmentId } from '#shared/stores/budget/keys.ts';

/**
 * Takes an allotment back with a reversal posting that references it; the original stays as it
 * was. allotted − amount ≥ committed must still hold. Repeating the reversal with the same
 * reference and reason replays it; any other second reversal is refused. Refused into a closed
 * (or closing) year, checked in the reversal's own transaction.
 */
export function reverseAllotment(
  request: RequestInfo,
  gov: string,
  year: number,
  originalId: string,
  reference: string,
  reason: string,
  open: OpenPeriodChecks,
): Promise<Posted<Allotment>> {
  const parsed = parseAllotmentId(originalId);
  return reversalOf({
    noun: 'allotment',
    originalId,
    suffix: REVERSAL_SUFFIX,
    original: async () => (parsed ? getAllotment(gov, year, parsed.lineId, parsed.reference) : undefined),
    notFound: refusal('not-found', 'allotment-not-found', `no allotment ${originalId} in ${gov}/${year}`),
    irreversible: (original) =>
      original.kind === 'reversal' ? refusal('unprocessable', 'reversal-of-reversal', `${originalId} is itself a reversal`) : undefined,
    stored: (original, reversalReference) => getAllotment(gov, year, original.lineId, reversalReference),
    sameRequest: (stored) => stored.reference === reference && stored.reason === reason,
    attempt: async (original, { reversalId, reversalReference }) => {
      const control = await getLineControl(gov, year, original.lineId);
      if (!control) return lineNotControlled(gov, year, original.lineId);
      const refused = allotmentReversalRefusal(original.lineId, control, original.amount);
      if (refused) return refused;
      const reversal: Allotment = {
        ...original,
        allotmentId: reversalId,
        amount: -original.amount,
        kind: 'reversal',
        reference,
        reverses: originalId,
        reason,
        reversedBy: null,
        at: request.receivedAt,
        subject: request.caller?.sub ?? 'anonymous',
        allotted: control.allotted - original.amount,
        budget: control.budget,
      };
      return {
        posting: reversal,
        items: {
          control: moveAllotted(gov, year, control, -original.amount),
          posting: putAllotment(gov, year, reversalReference, reversal),
          notSyncing: notSyncing(gov, year),
          ...open(gov, year),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: 'reverseAllotment', target: `allotment ${gov}/${year}/${originalId}` }),
          ),
        },
      };
    },
    failed: (_original, failed) =>
      closedPeriodFailure(failed, gov, year) ?? (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
    contention: (original, attempts) =>
      refusal('conflict', 'allotment-contention', `line ${original.lineId} changed during ${attempts} attempts; retry`),
  });
}
