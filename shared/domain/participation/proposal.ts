import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** A proposal that alone costs more than the cycle's budget cap could never be selected, so it is not taken. Source: 지방재정법 §39 (주민참여예산); the cap per proposal is the cycle's own rule (practice). */
export const proposalCostRefusal = (estimatedCost: number, budgetCap: number): Refusal | undefined =>
  estimatedCost <= budgetCap
    ? undefined
    : refusal('unprocessable', 'proposal-exceeds-cap', `the estimated cost ${estimatedCost} exceeds the cycle's budget cap ${budgetCap}`, {
        rule: 'estimatedCost ≤ budgetCap',
        estimatedCost,
        budgetCap,
      });
