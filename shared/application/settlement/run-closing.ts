import { now as clockNow } from '#shared/clock.ts';
import { closingSteps } from '#shared/domain/settlement/closing.ts';
import type { ArchiveOutcome, ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import { adjustmentsPendingRefusal, closingTimeRefusal, earlierPeriodsOpen } from '#shared/domain/settlement/closing-guards.ts';
import type { Difference } from '#shared/domain/settlement/reconciliation.ts';
import { Refused } from '#shared/domain/refusal.ts';
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
  /** Another run held the closing's lease: this one did nothing (that run's message finishes the closing). */
  readonly heldElsewhere: boolean;
}

export interface ClosingOptions {
  /** The instant the closing runs at; the business clock unless given. */
  readonly now?: Date;
  /**
   * A deliberate closing before its time (tests, data migration): skips the calendar and the
   * order checks; recorded on the marker and in its audit record (closePeriod.backfill).
   */
  readonly backfill?: boolean;
}

/**
 * Whether the period may close now: it has ended, a year-end waits for 10 February (closing-guards.ts)
 * and for every 결산정리분개 recorded in parts to be complete, and its days (or months) are closed. Throws the refusal that says which rule and which periods.
 */
export async function checkClosingAllowed(
  job: ClosingJob,
  ports: Pick<ClosingPorts, 'closedBefore' | 'pendingAdjustments'>,
  options: ClosingOptions,
): Promise<void> {
  // Even a backfill waits for the 결산정리분개: it changes the timing, never what the books hold.
  const pending = adjustmentsPendingRefusal(job.period, job.period.kind === 'year-end' ? await ports.pendingAdjustments(job) : []);
  if (pending) throw new Refused(pending);
  if (options.backfill) return;
  const early = closingTimeRefusal(job.period, options.now ?? clockNow());
  if (early) throw new Refused(early);
  const open = earlierPeriodsOpen(job.period, await ports.closedBefore(job));
  if (open) throw new Refused(open);
}

/**
 * Runs one government's daily, monthly or year-end closing: the steps of its kind not yet
 * completed, each recorded in the progress item when done —
 *   close-period      freezes the period (marker `closing`: nothing posts into it any more)
 *   archive-reports   the period's reports, write-once in the archive (archive-closing-reports.ts);
 *                     once written, the period is marked closed
 *   reconcile         the archived totals against live data (reconcile-closing.ts)
 *   carry-forward     year-end only: opens year + 1 (year-end-carry-forward.ts)
 * A new closing first passes checkClosingAllowed. A closing refused before its archive is written
 * (the guards, trial-balance-unbalanced) opens the period again and records why (status `failed`),
 * then throws the Refused; a storage error is thrown for a retry that resumes at the step. Nothing
 * is marked closed unless its archive was written.
 *
 * One run at a time: a run first takes the closing's lease (closing-lease.ts). Two runtimes that
 * both fire the schedule queue two messages per government; the run that finds the lease held
 * does nothing and its message is dropped — the holder's message finishes the closing, or is
 * redelivered (and takes the expired lease) if its run dies.
 */
export async function runClosing(job: ClosingJob, ports: ClosingPorts, options: ClosingOptions = {}): Promise<ClosingResult> {
  if (!(await ports.takeLease(job))) return { stepsRun: [], itemsRead: 0, archived: [], differences: [], heldElsewhere: true };
  try {
    return await runLeased(job, ports, options);
  } finally {
    await ports.releaseLease(job);
  }
}

async function runLeased(job: ClosingJob, ports: ClosingPorts, options: ClosingOptions): Promise<ClosingResult> {
  const done = [...(await ports.completedSteps(job))];
  if (!done.includes('close-period')) {
    try {
      await checkClosingAllowed(job, ports, options);
    } catch (error) {
      if (error instanceof Refused) await ports.fail(job, failureOf(error));
      throw error;
    }
  }
  const stepsRun: string[] = [];
  let archived: { report: ReportId; outcome: ArchiveOutcome }[] = [];
  let differences: Difference[] = [];
  let inputs: ClosingInputs | undefined;
  const load = async () => (inputs ??= await ports.readInputs(job));

  for (const step of closingSteps[job.period.kind]) {
    if (done.includes(step)) continue;
    const summary: Record<string, number> = {};
    const beforeArchive = !done.includes('archive-reports');
    try {
      if (step === 'close-period') {
        await ports.closePeriod(job, options.backfill === true);
      } else if (step === 'archive-reports') {
        const current = await load();
        archived = await archiveClosingReports(job, current, ports);
        await ports.markClosed(job);
        summary.itemsRead = current.itemsRead;
        summary.reportsWritten = archived.filter((a) => a.outcome === 'written').length;
      } else if (step === 'reconcile') {
        differences = await reconcileClosing(job, await load(), ports);
        summary.differences = differences.length;
      } else if (step === 'carry-forward') {
        await yearEndCarryForward(job, await load(), ports);
      }
      await ports.completeStep(job, done, step, summary);
    } catch (error) {
      // A refusal is decided: the period opens again and the status says why. Any other error
      // (throttling, a crash) is retried from this step, the period still frozen, never closed.
      if (beforeArchive && error instanceof Refused) await ports.fail(job, failureOf(error));
      throw error;
    }
    done.push(step);
    stepsRun.push(step);
  }
  return { stepsRun, itemsRead: inputs?.itemsRead ?? 0, archived, differences, heldElsewhere: false };
}

const failureOf = (refused: Refused): { code: string; detail: string } => ({ code: refused.code, detail: refused.refusal.detail });
