import type { ReconciliationRow } from '#shared/domain/accounting/reconciliation.ts';
import { fundAccounts } from '#shared/domain/budget/budget-scope.ts';
import type { DiversionRecord } from '#shared/domain/budget/diversion-statement.ts';
import type { ExplicitCarryOver } from '#shared/domain/budget/general-provisions.ts';
import type { ReserveUseRecord } from '#shared/domain/budget/reserve-use-statement.ts';
import type { NotesData } from '#shared/domain/settlement/statement-notes.ts';
import type { EntityLedger } from '#shared/domain/accounting/statements/statement-set.ts';
import { budgetReconciliationReport, reconciliationRows } from '#shared/domain/settlement/budget-reconciliation.ts';
import { budgetSettlement, surplusByFund } from '#shared/domain/settlement/budget-settlement.ts';
import type { CodeNames } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { entityLedgers, typeIds } from '#shared/domain/settlement/entity-ledgers.ts';
import type { SettlementEntity } from '#shared/domain/settlement/entity-ledgers.ts';
import { financialStatements, scopesOf } from '#shared/domain/settlement/financial-statements.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { dayThrough, periodOf } from '#shared/domain/settlement/periods.ts';
import type { ClosingKind, Period } from '#shared/domain/settlement/periods.ts';
import type { CollectorFigures } from '#shared/domain/settlement/receivables-by-collector.ts';
import { supplementaryInformation } from '#shared/domain/settlement/supplementary-information.ts';
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

/** Last year's books, for the comparative statements (제9조④): its totals and its opening balances. */
export interface PriorYearBooks {
  readonly totals: readonly LedgerDayTotal[];
  readonly opening: readonly OpeningBalance[];
}

export interface ClosingInputs {
  readonly totals: readonly LedgerDayTotal[];
  readonly opening: readonly OpeningBalance[];
  readonly lines: readonly SettlementLine[];
  readonly carryOvers: readonly CarryOver[];
  /** The government's 회계 and their 회계실체 types (the statements' at year-end; every report prints their names). */
  readonly entities: readonly SettlementEntity[];
  /** Year-end: last year's books (empty in the government's first year on hojo). */
  readonly prior: PriorYearBooks;
  /** Year-end: the year's 전용 and their reversals, for the 세입·세출결산서 (지방재정법 §49④; absent: none). */
  readonly diversions?: readonly DiversionRecord[];
  /** Year-end: the 명시이월비 the council approved in the final version's 예산총칙 (지방재정법 §50①; absent: none). */
  readonly explicitCarryOvers?: readonly ExplicitCarryOver[];
  /** Year-end: the year's 예비비 사용결정 and their reversals, for the 예비비 사용명세서 (지방재정법 §43④; absent: none). */
  readonly reserveUses?: readonly ReserveUseRecord[];
  /** Year-end: the 징수관 receivables of the year and of the year before (receivables-by-collector.ts; absent: none). */
  readonly collectors?: CollectorFigures;
  /** Year-end: names of the 부서 and 정책사업 codes the 세입·세출결산 prints beside them (absent: codes only). */
  readonly codeNames?: CodeNames;
  /** Year-end: the asset and debt registers the 주석 read (absent: the notes say none is recorded). */
  readonly notes?: NotesData;
  /** DynamoDB items read to assemble the inputs (the cost of a closing). */
  readonly itemsRead: number;
}

/** 'kept-earlier': the archive written first is kept (same figures, an older rendering; archive-report.ts). */
export type ArchiveOutcome = 'written' | 'unchanged' | 'kept-earlier';

/** Each 회계's ledger of the closed year and of the year before (the statements' inputs). */
export function yearLedgers(job: ClosingJob, inputs: ClosingInputs): { current: EntityLedger[]; prior: EntityLedger[] } {
  const year = job.period.year;
  const through = (y: number) => (day: string) => dayThrough(day, periodOf('year-end', String(y)));
  const current = entityLedgers(inputs.entities, inputs.totals, inputs.opening, through(year));
  const hasPrior = inputs.prior.totals.length > 0 || inputs.prior.opening.length > 0;
  const prior = hasPrior ? entityLedgers(inputs.entities, inputs.prior.totals, inputs.prior.opening, through(year - 1)) : [];
  return { current, prior };
}

/** The 예산-재무 reconciliation rows of a year-end (재정자금 vs 세계잉여금 per 회계). */
export function yearReconciliation(job: ClosingJob, inputs: ClosingInputs): ReconciliationRow[] {
  return reconciliationRows(yearLedgers(job, inputs).current, surplusByFund(inputs.lines, inputs.carryOvers));
}

/**
 * The reports a closing archives: 일계표 (daily), 합계잔액시산표 (monthly); at year-end the
 * 세입세출결산, the 재무제표 (제8조: 개별/유형별/통합, comparative), the 필수보충정보 and the
 * 예산-재무 대사.
 */
export function buildReports(job: ClosingJob, inputs: ClosingInputs): Report[] {
  const { gov, period } = job;
  const fundNames = Object.fromEntries(inputs.entities.map((e) => [e.id, e.name]));
  if (period.kind === 'daily') return [dailySummary(gov, period, inputs.totals, inputs.opening, fundNames)];
  if (period.kind === 'monthly') return [trialBalance(gov, period, inputs.totals, inputs.opening, fundNames)];
  const { current, prior } = yearLedgers(job, inputs);
  const surpluses = surplusByFund(inputs.lines, inputs.carryOvers);
  return [
    budgetSettlement(
      gov,
      period.year,
      inputs.lines,
      inputs.carryOvers,
      fundNames,
      inputs.diversions,
      inputs.explicitCarryOvers,
      inputs.reserveUses,
      fundAccounts(inputs.entities.map((e) => ({ code: e.id, kind: typeIds[e.type] }))),
      inputs.collectors,
      inputs.codeNames,
    ),
    financialStatements(gov, period.year, current, prior, inputs.notes ?? { register: [], debts: [] }),
    supplementaryInformation(gov, period.year, inputs.lines, surpluses, scopesOf(current, prior), current),
    budgetReconciliationReport(gov, period.year, reconciliationRows(current, surpluses)),
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
