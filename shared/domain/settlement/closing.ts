import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { financialStatements } from '#shared/domain/settlement/financial-statements.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import type { ClosingKind, Period } from '#shared/domain/settlement/periods.ts';
import { unbalancedFunds } from '#shared/domain/settlement/reconciliation.ts';
import type { Difference } from '#shared/domain/settlement/reconciliation.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { Report } from '#shared/domain/reports/report.ts';

/**
 * One government's closing of one period (daily, monthly, year-end), as a sequence of steps
 * recorded in a progress item: a rerun skips the steps already done (a crash resumes at the next
 * step) and every step is idempotent in itself (a rerun of a step that crashed half-way produces
 * the same result). The steps run in `shared/application/settlement/run-closing.ts`.
 */
export interface ClosingJob {
  readonly gov: string;
  readonly period: Period;
}

export const closingSteps: Readonly<Record<ClosingKind, readonly string[]>> = {
  daily: ['close-period', 'archive-reports', 'reconcile'],
  monthly: ['close-period', 'archive-reports', 'reconcile'],
  'year-end': ['close-period', 'archive-reports', 'reconcile', 'carry-forward'],
};

/** A closing is done once every step of its kind is completed. */
export const closingStatus = (kind: ClosingKind, completed: readonly string[]): 'running' | 'done' =>
  closingSteps[kind].every((s) => completed.includes(s)) ? 'done' : 'running';

export interface ClosingInputs {
  readonly totals: readonly LedgerDayTotal[];
  readonly opening: readonly OpeningBalance[];
  readonly lines: readonly SettlementLine[];
  readonly carryOvers: readonly CarryOver[];
  /** DynamoDB items read to assemble the inputs (the cost of a closing). */
  readonly itemsRead: number;
}

export type ArchiveOutcome = 'written' | 'unchanged';

/** The reports a closing archives: 일계표 (daily), 합계잔액시산표 (monthly), 세입세출결산 and 재무제표 (year-end). */
export function buildReports(job: ClosingJob, inputs: ClosingInputs): Report[] {
  const { gov, period } = job;
  if (period.kind === 'daily') return [dailySummary(gov, period, inputs.totals, inputs.opening)];
  if (period.kind === 'monthly') return [trialBalance(gov, period, inputs.totals, inputs.opening)];
  return [
    budgetSettlement(gov, period.year, inputs.lines, inputs.carryOvers),
    financialStatements(gov, period.year, inputs.totals, inputs.opening),
  ];
}

/** The refusal that stops a closing, with the figures that disagree. */
export type ClosingRefusal = Refusal & { readonly context: { readonly differences: readonly Difference[] } };

/**
 * A trial balance is archived only when every fund balances (Σ debits = Σ credits, the double
 * entry of 「지방자치단체 회계기준에 관한 규칙」); otherwise the closing stops before archiving
 * anything (practice: an unbalanced book is never handed to the ministry).
 */
export function unbalancedTrialBalance(job: ClosingJob, inputs: ClosingInputs): ClosingRefusal | undefined {
  const differences = unbalancedFunds(trialBalance(job.gov, job.period, inputs.totals, inputs.opening).funds);
  if (differences.length === 0) return undefined;
  return refusal(
    'unprocessable',
    'trial-balance-unbalanced',
    `the trial balance of ${job.gov} ${job.period.id} does not balance; nothing was archived`,
    { differences },
  ) as ClosingRefusal;
}
