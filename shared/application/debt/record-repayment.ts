import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { repaymentDateRefusal, repaymentRefusal } from '#shared/domain/debt/repayment.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { requireDebt } from '#shared/application/debt/require-debt.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { debtTarget } from '#shared/stores/debt/register.ts';
import { getRepayment, moveDebtTotal, moveOutstanding, putRepayment } from '#shared/stores/debt/repayments.ts';
import type { DebtEntry } from '#shared/stores/debt/repayments.ts';

export interface RepaymentRequest {
  readonly reference: string;
  readonly amount: number;
  readonly date: string;
}

/**
 * A principal repayment: the entry (new, under its business reference), the debt's repaid and
 * outstanding (conditional on outstanding ≥ amount, so concurrent repayments can never overpay),
 * the government's total and the audit record, in one TransactWrite. The same reference with the
 * same amount and date replays the first answer.
 */
export async function recordRepayment(
  request: RequestInfo,
  gov: string,
  debtId: string,
  input: RepaymentRequest,
): Promise<Posted<DebtEntry>> {
  await requireDebt(gov, debtId); // 404 before anything else
  return post({
    stored: () => getRepayment(gov, debtId, input.reference),
    sameRequest: (stored) => stored.type === 'repayment' && stored.amount === input.amount && stored.date === input.date,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `repayment ${input.reference} of ${debtId} is already recorded with other content`, {
        reference: input.reference,
      }),
    attempt: async () => {
      // the outstanding amount is read again on each attempt: a concurrent repayment may have lowered it
      const current = await requireDebt(gov, debtId);
      const refused = repaymentDateRefusal(current.issueDate, input.date) ?? repaymentRefusal(current.outstanding, input.amount, debtId);
      if (refused) return refused;
      const entry: DebtEntry = {
        entryId: input.reference,
        type: 'repayment',
        amount: input.amount,
        date: input.date,
        recordedAt: request.receivedAt,
      };
      return {
        posting: entry,
        items: {
          debt: moveOutstanding(gov, debtId, -input.amount),
          posting: putRepayment(gov, debtId, entry),
          total: moveDebtTotal(gov, -input.amount),
          audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'debt.repay', target: debtTarget(gov, debtId) })),
        },
      };
    },
    failed: () => undefined,
    contention: (attempts) =>
      refusal('conflict', 'repayment-contention', `debt ${debtId} changed during ${attempts} attempts; retry`, {
        reference: input.reference,
      }),
  });
}
