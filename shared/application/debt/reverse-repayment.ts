import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { requireDebt } from '#shared/application/debt/require-debt.ts';
import { reverse } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { debtTarget } from '#shared/stores/debt/register.ts';
import {
  getRepayment,
  getRepaymentReversal,
  moveDebtTotal,
  moveOutstanding,
  putRepaymentReversal,
} from '#shared/stores/debt/repayments.ts';
import type { DebtEntry } from '#shared/stores/debt/repayments.ts';

/**
 * Reverses a repayment with a new entry referring to it (the repayment itself is never changed);
 * at most once. The request carries no reference of its own, so a second reversal cannot be told
 * from a repeated one: it is always refused.
 */
export async function reverseRepayment(request: RequestInfo, gov: string, debtId: string, reference: string): Promise<Posted<DebtEntry>> {
  await requireDebt(gov, debtId);
  return reverse(
    () => getRepayment(gov, debtId, reference),
    refusal('not-found', 'repayment-not-found', `debt ${debtId} has no repayment ${reference}`),
    (original) => ({
      stored: () => getRepaymentReversal(gov, debtId, reference),
      sameRequest: () => false,
      referenceUsed: () =>
        refusal('conflict', 'repayment-already-reversed', `repayment ${reference} of ${debtId} is already reversed`, { reference }),
      attempt: async () => {
        const entry: DebtEntry = {
          entryId: `${reference}#reversal`,
          type: 'reversal',
          amount: original.amount,
          date: request.receivedAt.slice(0, 10),
          reverses: reference,
          recordedAt: request.receivedAt,
        };
        return {
          posting: entry,
          items: {
            debt: moveOutstanding(gov, debtId, original.amount),
            posting: putRepaymentReversal(gov, debtId, reference, entry),
            total: moveDebtTotal(gov, original.amount),
            audit: auditPut(
              tableName(),
              auditRecord(request, { gov, operation: 'debt.reverse-repayment', target: debtTarget(gov, debtId) }),
            ),
          },
        };
      },
      failed: () => undefined,
      contention: (attempts) =>
        refusal('conflict', 'repayment-contention', `debt ${debtId} changed during ${attempts} attempts; retry`, { reference }),
    }),
  );
}
