import { now } from '#shared/clock.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { closingStatus } from '#shared/domain/settlement/closing.ts';
import { adjustmentsPendingRefusal } from '#shared/domain/settlement/closing-guards.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { ArchiveOutcome, ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { archiveKey } from '#shared/domain/reports/archive-keys.ts';
import type { RenderedReport } from '#shared/domain/reports/render.ts';
import type { ReportId } from '#shared/domain/reports/report.ts';
import { listUnsettledAdvances } from '#shared/application/execution/list-unsettled-advances.ts';
import { archiveReport } from '#shared/application/settlement/archive-report.ts';
import { systemRequest } from '#shared/application/settlement/system-request.ts';
import { readArchiveText } from '#shared/stores/settlement/archive-store.ts';
import { readCashPositions } from '#shared/stores/settlement/cash-check.ts';
import { carryForward } from '#shared/stores/settlement/carry-forward.ts';
import { recordProgramUnspent } from '#shared/stores/settlement/program-unspent.ts';
import type { ProgramUnspent } from '#shared/domain/settlement/program-unspent.ts';
import { closedBefore, closePeriod, markClosed, reopenPeriod } from '#shared/stores/settlement/close-markers.ts';
import { readClosingInputs } from '#shared/stores/settlement/inputs.ts';
import { pendingAdjustmentKinds } from '#shared/stores/settlement/adjustments.ts';
import { putJobMetric } from '#shared/stores/settlement/metrics.ts';
import { releaseClosingLease, takeClosingLease } from '#shared/stores/settlement/closing-lease.ts';
import { completedSteps, completeStep, failClosing } from '#shared/stores/settlement/progress.ts';

/** What a closing needs from storage; `closingPorts` is the real one, tests may wrap it. */
export interface ClosingPorts {
  /** Takes the closing's lease (one run per government and period at a time); false when another run holds it. */
  takeLease(job: ClosingJob): Promise<boolean>;
  releaseLease(job: ClosingJob): Promise<void>;
  completedSteps(job: ClosingJob): Promise<readonly string[]>;
  completeStep(job: ClosingJob, done: readonly string[], step: string, summary: Readonly<Record<string, number>>): Promise<void>;
  /** Freezes the period (marker `closing`: nothing posts into it any more). */
  closePeriod(job: ClosingJob, backfill: boolean): Promise<void>;
  /** The archive is written: the period is closed. */
  markClosed(job: ClosingJob): Promise<void>;
  /** The closing failed before its archive was written: the period opens again and the status says why. */
  fail(job: ClosingJob, failure: { readonly code: string; readonly detail: string }): Promise<void>;
  /** The ids of the days of the month, or the months of the year, closed so far. */
  closedBefore(job: ClosingJob): Promise<ReadonlySet<string>>;
  /** The year's 결산정리분개 kinds planned and not yet all applied (a year-end waits for them). */
  pendingAdjustments(job: ClosingJob): Promise<readonly string[]>;
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
  /** The closed year's 불용액 per 정책사업, the cap of its later 과년도 지출 (written once). */
  recordProgramUnspent(job: ClosingJob, programs: readonly ProgramUnspent[]): Promise<void>;
  metric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void>;
  /** The year's advances (일상경비등, 개산급) the bank paid and whose 선급금 is not cleared: how many, and the won left. */
  unsettledAdvances(job: ClosingJob): Promise<{ readonly count: number; readonly unsettled: number }>;
}

/**
 * The closing's storage: DynamoDB for markers, progress, inputs and carry-forward; S3 for the archive.
 * `requestId` (the queue message's id) owns the lease, so that the same message delivered again
 * after its run died takes the lease back at once. The lease runs on the wall clock, not the
 * business clock (HOJO_CLOCK may differ between runtimes).
 */
export function closingPorts(requestId: string, clock: () => Date = now): ClosingPorts {
  return {
    takeLease: (job) => takeClosingLease(job, requestId, new Date()),
    releaseLease: (job) => releaseClosingLease(job, requestId),
    completedSteps,
    completeStep: (job, done, step, summary) =>
      completeStep(job, done, step, closingStatus(job.period.kind, [...done, step]), summary, clock()),
    closePeriod: async (job, backfill) => {
      const closed = await closePeriod(job, systemRequest(requestId, clock()), backfill);
      if (closed !== 'adjustment-pending') return;
      // An adjusting entry was planned after the check: the marker was not written. Refused while it
      // is pending; if it completed meanwhile, the error makes the message retry and close.
      const pending = adjustmentsPendingRefusal(job.period, await pendingAdjustmentKinds(job.gov, job.period.year));
      if (pending) throw new Refused(pending);
      throw new Error(`the year-end of ${job.gov}/${job.period.id} met an adjusting entry completed while it froze: retry`);
    },
    markClosed: (job) => markClosed(job, systemRequest(requestId, clock())),
    fail: async (job, failure) => {
      await reopenPeriod(job, systemRequest(requestId, clock()), `${failure.code}: ${failure.detail}`);
      await failClosing(job, failure, clock());
    },
    closedBefore: (job) => closedBefore(job.gov, job.period),
    pendingAdjustments: (job) => pendingAdjustmentKinds(job.gov, job.period.year),
    readInputs: readClosingInputs,
    cashPositions: (job) => readCashPositions(job),
    archive: (rendered) => archiveReport(rendered, clock()),
    archivedTotals: async (job, report) => {
      const key = archiveKey(job.period.year, job.gov, report, job.period.id, 'report.json');
      const json = JSON.parse(await readArchiveText(key)) as { totals?: Record<string, string> };
      return json.totals ?? {};
    },
    carryForward: (job, opening, carryOvers, lines) => carryForward(job, opening, carryOvers, lines, systemRequest(requestId, clock())),
    recordProgramUnspent: (job, programs) => recordProgramUnspent(job, programs, systemRequest(requestId, clock())),
    metric: putJobMetric,
    unsettledAdvances: (job) => listUnsettledAdvances(job.gov, job.period.year, clock().toISOString()),
  };
}
