import { unprocessable } from '#shared/http/problem.ts';
import type { Problem } from '#shared/http/problem.ts';

/** A repayment never takes a debt below zero: amount ≤ outstanding. */
export function repaymentProblem(outstanding: number, amount: number, debtId: string): Problem | undefined {
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
