import { cashReversalRefusal } from '#shared/domain/budget/allotment.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { closedPeriodFailure } from '#shared/application/budget/closed-periods.ts';
import type { OpenPeriodChecks } from '#shared/application/budget/closed-periods.ts';
import { reversalAudit, reversalOf, reversalStamp } from '#shared/application/reversal-of.ts';
import type { ReversalAsked } from '#shared/application/reversal-of.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getCash, getCashAllocation, moveAllocated, putCashAllocation, REVERSAL_SUFFIX } from '#shared/stores/budget/cash.ts';
import type { CashAllocation } from '#shared/stores/budget/cash.ts';
import { parseCashAllocationId } from '#shared/stores/budget/keys.ts';

/**
 * Takes a cash allocation back with a reversal posting that references it; allocated − amount ≥
 * paid must still hold. Repeating the reversal with the same reference and reason replays it; any
 * other second reversal is refused. Refused when the year or the allocation's month is closed (or
 * closing), checked in the reversal's own transaction.
 */
export function reverseCashAllocation(request: RequestInfo, asked: ReversalAsked, open: OpenPeriodChecks): Promise<Posted<CashAllocation>> {
  const { gov, year, originalId } = asked;
  const parsed = parseCashAllocationId(originalId);
  return reversalOf({
    noun: 'cash allocation',
    originalId,
    suffix: REVERSAL_SUFFIX,
    original: async () => {
      const found = parsed ? await getCashAllocation(gov, year, parsed.fund, parsed.month, parsed.reference) : undefined;
      // a reversal is not itself reversed: it is not found as an allocation
      return found?.kind === 'allocation' ? found : undefined;
    },
    notFound: refusal('not-found', 'cash-allocation-not-found', `no cash allocation ${originalId} in ${gov}/${year}`),
    stored: (original, reversalReference) => getCashAllocation(gov, year, original.fund, original.month, reversalReference),
    sameRequest: (stored) => stored.reference === asked.reference && stored.reason === asked.reason,
    attempt: async (original, { reversalId, reversalReference }) => {
      const { fund, month } = original;
      const control = await getCash(gov, year, fund, month);
      // What the month's cash is spoken for: paid, or more when payment orders wait for the bank (시행령 제33조제2호).
      const current = { allocated: control?.allocated ?? 0, paid: control?.paid ?? 0, claimed: control?.claimed ?? 0 };
      const refused = cashReversalRefusal(current, original.amount);
      if (refused) return refused;
      const reversal: CashAllocation = {
        ...original,
        ...reversalStamp(request, asked, original.amount),
        allocationId: reversalId,
        allocated: current.allocated - original.amount,
      };
      return {
        posting: reversal,
        items: {
          control: moveAllocated(gov, year, fund, month, control, -original.amount),
          posting: putCashAllocation(gov, year, reversalReference, reversal),
          ...open(gov, year, month),
          audit: reversalAudit(request, asked, 'reverseCashAllocation', 'cash-allocation'),
        },
      };
    },
    failed: (original, failed) => closedPeriodFailure(failed, gov, year, original.month),
    contention: (original, attempts) =>
      refusal('conflict', 'allocation-contention', `cash of ${original.fund} ${original.month} changed during ${attempts} attempts; retry`),
  });
}
