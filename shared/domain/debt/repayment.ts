import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** A repayment never takes a debt below zero: amount ≤ outstanding. Source: practice: a repayment never exceeds what is outstanding on the 지방채/차입금 (지방재정법 §11 governs issuing). */
export function repaymentRefusal(outstanding: number, amount: number, debtId: string): Refusal | undefined {
  if (amount <= outstanding) return undefined;
  return refusal(
    'unprocessable',
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

/** A repayment is dated on or after the day the debt was issued. */
export function repaymentDateRefusal(issueDate: string, date: string): Refusal | undefined {
  if (date >= issueDate) return undefined;
  return refusal('unprocessable', 'repayment-before-issue', `a repayment on ${date} precedes the issue date ${issueDate}`, { issueDate });
}
