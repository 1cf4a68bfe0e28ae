import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { monthInYear, monthOutsideYear } from '#shared/domain/budget/allotment.ts';
import { Refused, refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { ClosedPeriodSource } from '#shared/application/budget/closed-periods.ts';
import { refuseClosedPeriod } from '#shared/application/budget/closed-periods.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getCash, getCashAllocation, moveAllocated, putCashAllocation } from '#shared/stores/budget/cash.ts';
import type { CashAllocation } from '#shared/stores/budget/cash.ts';
import { cashAllocationId } from '#shared/stores/budget/keys.ts';
import { getAccount } from '#shared/stores/budget/structure.ts';
import { getYear } from '#shared/stores/budget/version.ts';

export interface CashAllocationRequest {
  readonly fund: string;
  readonly month: string;
  readonly amount: number;
  readonly reference: string;
}

/**
 * Releases cash to an account for a month (자금배정): raises `allocated` on the CASH# control item
 * (created with zero counters on first use) that execution checks payments against. The same
 * reference with the same amount replays the first allocation. Refused into a closed year or month.
 */
export async function allocateCash(
  request: RequestInfo,
  gov: string,
  year: number,
  input: CashAllocationRequest,
  closed: ClosedPeriodSource,
): Promise<Posted<CashAllocation>> {
  if (!monthInYear(input.month, year)) throw new Refused(monthOutsideYear(input.month, year));
  await refuseClosedPeriod(closed, gov, year, input.month);
  if (!(await getAccount(gov, input.fund)))
    throw new Refused(refusal('unprocessable', 'unknown-account', `government ${gov} has no account ${input.fund}`));
  const yearRecord = await getYear(gov, year);
  if (yearRecord.finalVersion === undefined && !yearRecord.provisional) {
    throw new Refused(refusal('unprocessable', 'no-budget', `there is no final or provisional ${year} budget to release cash for`));
  }
  const id = cashAllocationId(input.fund, input.month, input.reference);
  return post({
    stored: () => getCashAllocation(gov, year, input.fund, input.month, input.reference),
    sameRequest: (stored) => stored.kind === 'allocation' && stored.amount === input.amount,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `reference ${input.reference} is already used for ${input.fund} ${input.month}`, {
        allocationId: id,
      }),
    attempt: async () => {
      const control = await getCash(gov, year, input.fund, input.month);
      const allocation: CashAllocation = {
        allocationId: id,
        gov,
        year,
        ...input,
        kind: 'allocation',
        reverses: null,
        reversedBy: null,
        reason: null,
        at: request.receivedAt,
        subject: request.caller?.sub ?? 'anonymous',
        allocated: (control?.allocated ?? 0) + input.amount,
      };
      return {
        posting: allocation,
        items: {
          control: moveAllocated(gov, year, input.fund, input.month, control, input.amount),
          posting: putCashAllocation(gov, year, input.reference, allocation),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: 'allocateCash', target: `cash-allocation ${gov}/${year}/${id}` }),
          ),
        },
      };
    },
    failed: () => undefined,
    contention: (attempts) =>
      refusal('conflict', 'allocation-contention', `cash of ${input.fund} ${input.month} changed during ${attempts} attempts; retry`),
  });
}
