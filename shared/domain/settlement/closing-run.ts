import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { financialStatements, nextYearOpening } from '#shared/domain/settlement/financial-statements.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import type { ClosingKind, Period } from '#shared/domain/settlement/periods.ts';
import { cashDifferences, compareTotals, positionDifferences, unbalancedFunds } from '#shared/domain/settlement/reconciliation.ts';
import type { Difference } from '#shared/domain/settlement/reconciliation.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import type { Report, ReportId } from '#shared/domain/reports/report.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import type { RenderedReport } from '#shared/domain/reports/render.ts';

/**
 * One government's closing of one period, as a sequence of steps recorded in a progress item:
 * a rerun skips the steps already done (a crash resumes at the next step) and every step is
 * idempotent in itself (a rerun of a step that crashed half-way produces the same result).
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

export interface ClosingInputs {
  readonly totals: readonly LedgerDayTotal[];
  readonly opening: readonly OpeningBalance[];
  readonly lines: readonly SettlementLine[];
  readonly carryOvers: readonly CarryOver[];
  /** DynamoDB items read to assemble the inputs (the cost of a closing). */
  readonly itemsRead: number;
}

export type ArchiveOutcome = 'written' | 'unchanged';

/** What a closing needs from storage; the repositories implement it, tests may wrap it. */
export interface ClosingPorts {
  completedSteps(job: ClosingJob): Promise<readonly string[]>;
  completeStep(job: ClosingJob, done: readonly string[], step: string, summary: Readonly<Record<string, number>>): Promise<void>;
  closePeriod(job: ClosingJob): Promise<void>;
  readInputs(job: ClosingJob): Promise<ClosingInputs>;
  /** Net cash per fund of the year so far, from the journal's running totals and from the fund status, read at one moment. */
  cashPositions(
    job: ClosingJob,
  ): Promise<{ readonly journal: ReadonlyMap<string, bigint>; readonly fundStatus: ReadonlyMap<string, bigint> }>;
  archive(rendered: RenderedReport): Promise<ArchiveOutcome>;
  archivedTotals(job: ClosingJob, report: ReportId): Promise<Readonly<Record<string, string>>>;
  carryForward(
    job: ClosingJob,
    opening: readonly OpeningBalance[],
    carryOvers: readonly CarryOver[],
    lines: readonly SettlementLine[],
  ): Promise<void>;
  metric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void>;
}

export interface ClosingResult {
  readonly stepsRun: readonly string[];
  readonly itemsRead: number;
  readonly archived: readonly { readonly report: ReportId; readonly outcome: ArchiveOutcome }[];
  readonly differences: readonly Difference[];
}

export class ClosingRejected extends Error {
  readonly code: string;
  readonly differences: readonly Difference[];
  constructor(code: string, detail: string, differences: readonly Difference[]) {
    super(detail);
    this.name = 'ClosingRejected';
    this.code = code;
    this.differences = differences;
  }
}

export function buildReports(job: ClosingJob, inputs: ClosingInputs): Report[] {
  const { gov, period } = job;
  if (period.kind === 'daily') return [dailySummary(gov, period, inputs.totals, inputs.opening)];
  if (period.kind === 'monthly') return [trialBalance(gov, period, inputs.totals, inputs.opening)];
  return [
    budgetSettlement(gov, period.year, inputs.lines, inputs.carryOvers),
    financialStatements(gov, period.year, inputs.totals, inputs.opening),
  ];
}

export async function runClosing(job: ClosingJob, ports: ClosingPorts): Promise<ClosingResult> {
  const done = [...(await ports.completedSteps(job))];
  const stepsRun: string[] = [];
  const archived: { report: ReportId; outcome: ArchiveOutcome }[] = [];
  let differences: Difference[] = [];
  let inputs: ClosingInputs | undefined;
  const load = async () => (inputs ??= await ports.readInputs(job));

  for (const step of closingSteps[job.period.kind]) {
    if (done.includes(step)) continue;
    const summary: Record<string, number> = {};
    if (step === 'close-period') {
      await ports.closePeriod(job);
    } else if (step === 'archive-reports') {
      const current = await load();
      summary.itemsRead = current.itemsRead;
      await ports.metric(job, 'ClosingItemsRead', current.itemsRead, 'Count');
      for (const report of buildReports(job, current)) {
        const unbalanced =
          report.report === 'trial-balance'
            ? unbalancedFunds(trialBalance(job.gov, job.period, current.totals, current.opening).funds)
            : [];
        if (unbalanced.length > 0) {
          await ports.metric(job, 'ReconciliationDifferences', unbalanced.length, 'Count');
          throw new ClosingRejected(
            'trial-balance-unbalanced',
            `the trial balance of ${job.gov} ${job.period.id} does not balance; nothing was archived`,
            unbalanced,
          );
        }
        archived.push({ report: report.report, outcome: await ports.archive(renderReport(report)) });
      }
      summary.reportsWritten = archived.filter((a) => a.outcome === 'written').length;
    } else if (step === 'reconcile') {
      differences = await reconcile(job, await load(), ports);
      summary.differences = differences.length;
      await ports.metric(job, 'ReconciliationDifferences', differences.length, 'Count');
    } else if (step === 'carry-forward') {
      const current = await load();
      await ports.carryForward(job, nextYearOpening(job.period.year, current.totals, current.opening), current.carryOvers, current.lines);
    }
    await ports.completeStep(job, done, step, summary);
    done.push(step);
    stepsRun.push(step);
  }
  return { stepsRun, itemsRead: inputs?.itemsRead ?? 0, archived, differences };
}

/** Every archived report's totals against the same totals from live data, plus the books' own invariants. */
async function reconcile(job: ClosingJob, inputs: ClosingInputs, ports: ClosingPorts): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const report of buildReports(job, inputs)) {
    differences.push(...compareTotals(report.report, await ports.archivedTotals(job, report.report), report.totals));
    if (report.report === 'financial-statements') differences.push(...positionDifferences(report.totals));
  }
  if (job.period.kind !== 'daily') {
    differences.push(...unbalancedFunds(trialBalance(job.gov, { ...job.period, kind: 'monthly' }, inputs.totals, inputs.opening).funds));
  }
  const cash = await ports.cashPositions(job);
  differences.push(...cashDifferences(cash.journal, cash.fundStatus));
  return differences;
}
