import type { BalanceCheck } from '#shared/domain/budget/totals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The refusals several budget operations answer with, in one place so their codes and wording stay the same.
 * Source: practice (optimistic concurrency, the control-sync lock, a budget whose 세입 equals its 세출 as every
 * budget book prints it).
 */
export const versionNotFound = (gov: string, year: number, number: number): Refusal =>
  refusal('not-found', 'version-not-found', `government ${gov} has no version ${number} of the ${year} budget`);

export const revisionConflict = (number: number, sent: number, current: number): Refusal =>
  refusal('conflict', 'revision-conflict', `version ${number} is at revision ${current}, not ${sent}: re-read it and retry`, {
    sent,
    current,
  });

/** The balanced-budget rule refused (see checkBalance in totals.ts). */
export const unbalancedBudget = (balance: BalanceCheck): Refusal =>
  refusal(
    'unprocessable',
    'unbalanced-budget',
    `revenue ${balance.revenue} ≠ expenditure ${balance.expenditure} (difference ${balance.difference}); a budget must balance`,
    {
      rule: 'revenue total = expenditure total',
      revenueTotal: balance.revenue.toString(),
      expenditureTotal: balance.expenditure.toString(),
      difference: balance.difference.toString(),
    },
  );

export const controlsSyncing = (gov: string, year: number): Refusal =>
  refusal('conflict', 'controls-syncing', `the control items of ${gov}/${year} are being written for a new final budget; retry shortly`);
