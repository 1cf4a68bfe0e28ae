import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { cashReversalRefusal } from '#shared/domain/budget/allotment.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { reverse } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getCash, getCashAllocation, moveAllocated, putCashAllocation, REVERSAL_SUFFIX } from '#shared/stores/budget/cash.ts';
import type { CashAllocation } from '#shared/stores/budget/cash.ts';
import { parseCashAllocationId } from '#shared/stores/budget/keys.ts';

/**
 * Takes a cash allocation back with a reversal posting that references it; allocated − amount ≥
 * paid must still hold. Repeating the reversal with the same reference and reason replays it; any
 * other second reversal is refused.
 */
export function reverseCashAllocation(
  request: RequestInfo,
  gov: string,
  year: number,
  originalId: string,
  reference: string,
  reason: string,
): Promise<Posted<CashAllocation>> {
  const parsed = parseCashAllocationId(originalId);
  const reversalId = `${originalId}${REVERSAL_SUFFIX}`;
  return reverse(
    async () => {
      const found = parsed ? await getCashAllocation(gov, year, parsed.fund, parsed.month, parsed.reference) : undefined;
      // a reversal is not itself reversed: it is not found as an allocation
      return found?.kind === 'allocation' ? found : undefined;
    },
    refusal('not-found', 'cash-allocation-not-found', `no cash allocation ${originalId} in ${gov}/${year}`),
    (original) => {
      const { fund, month } = original;
      const reversalReference = `${original.reference}${REVERSAL_SUFFIX}`;
      return {
        stored: () => getCashAllocation(gov, year, fund, month, reversalReference),
        sameRequest: (stored) => stored.reference === reference && stored.reason === reason,
        referenceUsed: () =>
          refusal('conflict', 'already-reversed', `cash allocation ${originalId} is already reversed`, { reversedBy: reversalId }),
        attempt: async () => {
          const control = await getCash(gov, year, fund, month);
          const current = { allocated: control?.allocated ?? 0, paid: control?.paid ?? 0 };
          const refused = cashReversalRefusal(current, original.amount);
          if (refused) return refused;
          const reversal: CashAllocation = {
            ...original,
            allocationId: reversalId,
            amount: -original.amount,
            kind: 'reversal',
            reference,
            reverses: originalId,
            reason,
            at: request.receivedAt,
            subject: request.caller?.sub ?? 'anonymous',
            allocated: current.allocated - original.amount,
          };
          return {
            posting: reversal,
            items: {
              control: moveAllocated(gov, year, fund, month, control, -original.amount),
              posting: putCashAllocation(gov, year, reversalReference, reversal),
              audit: auditPut(
                tableName(),
                auditRecord(request, { gov, operation: 'reverseCashAllocation', target: `cash-allocation ${gov}/${year}/${originalId}` }),
              ),
            },
          };
        },
        failed: () => undefined,
        contention: (attempts) =>
          refusal('conflict', 'allocation-contention', `cash of ${fund} ${month} changed during ${attempts} attempts; retry`),
      };
    },
  );
}
