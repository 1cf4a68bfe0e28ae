import { allotmentReversalRefusal, lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { closedPeriodFailure } from '#shared/application/budget/closed-periods.ts';
import type { OpenPeriodChecks } from '#shared/application/budget/closed-periods.ts';
import { reversalAudit, reversalOf, reversalStamp } from '#shared/application/reversal-of.ts';
import type { ReversalAsked } from '#shared/application/reversal-of.ts';
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
export function reverseAllotment(request: RequestInfo, asked: ReversalAsked, open: OpenPeriodChecks): Promise<Posted<Allotment>> {
  const { gov, year, originalId } = asked;
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
    sameRequest: (stored) => stored.reference === asked.reference && stored.reason === asked.reason,
    attempt: async (original, { reversalId, reversalReference }) => {
      const control = await getLineControl(gov, year, original.lineId);
      if (!control) return lineNotControlled(gov, year, original.lineId);
      const refused = allotmentReversalRefusal(original.lineId, control, original.amount);
      if (refused) return refused;
      const reversal: Allotment = {
        ...original,
        ...reversalStamp(request, asked, original.amount),
        allotmentId: reversalId,
        reversedBy: null,
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
          audit: reversalAudit(request, asked, 'reverseAllotment', 'allotment'),
        },
      };
    },
    failed: (_original, failed) =>
      closedPeriodFailure(failed, gov, year) ?? (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
    contention: (original, attempts) =>
      refusal('conflict', 'allotment-contention', `line ${original.lineId} changed during ${attempts} attempts; retry`),
  });
}
