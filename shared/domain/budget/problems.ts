import type { BalanceCheck } from '#shared/domain/budget/totals.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';

/** The problems the budget operations answer with, in one place so their codes stay stable. */
export const versionNotFound = (gov: string, year: number, number: number): Refused =>
  notFound('version-not-found', `government ${gov} has no version ${number} of the ${year} budget`);

export const revisionConflict = (number: number, sent: number, current: number): Refused =>
  conflict('revision-conflict', `version ${number} is at revision ${current}, not ${sent}: re-read it and retry`, { sent, current });

export const unbalancedBudget = (balance: BalanceCheck): Refused =>
  unprocessable(
    'unbalanced-budget',
    `revenue ${balance.revenue} ≠ expenditure ${balance.expenditure} (difference ${balance.difference}); a budget must balance`,
    {
      rule: 'revenue total = expenditure total',
      revenueTotal: balance.revenue.toString(),
      expenditureTotal: balance.expenditure.toString(),
      difference: balance.difference.toString(),
    },
  );

export const controlsSyncing = (gov: string, year: number): Refused =>
  conflict('controls-syncing', `the control items of ${gov}/${year} are being written for a new final budget; retry shortly`);
