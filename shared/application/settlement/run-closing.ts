import { closingSteps } from '#shared/domain/settlement/closing.ts';
import type { ArchiveOutcome, ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { Difference } from '#shared/domain/settlement/reconciliation.ts';
import type { ReportId } from '#shared/domain/reports/report.ts';
import { archiveClosingReports } from '#shared/application/settlement/archive-closing-reports.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';
import { reconcileClosing } from '#shared/application/settlement/reconcile-closing.ts';
import { yearEndCarryForward } from '#shared/application/settlement/year-end-carry-forward.ts';

export interface ClosingResult {
  readonly stepsRun: readonly string[];
  readonly itemsRead: number;
  readonly archived: readonly { readonly report: ReportId; readonly outcome: ArchiveOutcome }[];
  readonly differences: readonly Difference[];
}

/**
 * Runs one government's daily, monthly or year-end closing: the steps of its kind not yet
 * completed, each recorded in the progress item when done —
 *   close-period      the closed-period marker (nothing posts into the period any more)
 *   archive-reports   the period's reports, write-once in the archive (archive-closing-reports.ts)
 *   reconcile         the archived totals against live data (reconcile-closing.ts)
 *   carry-forward     year-end only: opens year + 1 (year-end-carry-forward.ts)
 * Throws Refused (trial-balance-unbalanced) when the books do not balance, and any storage error.
 */
export async function runClosing(job: ClosingJob, ports: ClosingPorts): Promise<ClosingResult> {
  const done = [...(await ports.completedSteps(job))];
  const stepsRun: string[] = [];
  let archived: { report: ReportId; outcome: ArchiveOutcome }[] = [];
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
      archived = await archiveClosingReports(job, current, ports);
      summary.itemsRead = current.itemsRead;
      summary.reportsWritten = archived.filter((a) => a.outcome === 'written').length;
    } else if (step === 'reconcile') {
      differences = await reconcileClosing(job, await load(), ports);
      summary.differences = differences.length;
    } else if (step === 'carry-forward') {
      await yearEndCarryForward(job, await load(), ports);
    }
    await ports.completeStep(job, done, step, summary);
    done.push(step);
    stepsRun.push(step);
  }
  return { stepsRun, itemsRead: inputs?.itemsRead ?? 0, archived, differences };
}
