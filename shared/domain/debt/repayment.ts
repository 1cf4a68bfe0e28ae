import { unprocessable } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';

/** A repayment never takes a debt below zero: amount ≤ outstanding. */
export function repaymentProblem(outstanding: number, amount: number, debtId: string): Refused | undefined {
  if (amount <= outstanding) return undefined;
  return unprocessable(
    'repayment-exceeds-outstanding',
    `repaying ${amount} won would exceed the ${outstanding} won outstanding on ${debtId}`,
    {
      rule: 'repayment ≤ outstanding',
      debtId,
      amount,
      outstanding,
    },
  );
}
