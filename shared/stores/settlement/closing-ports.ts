import type { ClosingPorts } from '#shared/domain/settlement/closing-run.ts';
import { archiveKey } from '#shared/domain/reports/archive-keys.ts';
import { archiveReport } from '#shared/stores/settlement/archive-reports.ts';
import { readArchiveText } from '#shared/stores/settlement/archive-store.ts';
import { readCashPositions } from '#shared/stores/settlement/cash-check.ts';
import { carryForward } from '#shared/stores/settlement/carry-forward.ts';
import { closePeriod } from '#shared/stores/settlement/close-markers.ts';
import { readClosingInputs } from '#shared/stores/settlement/inputs.ts';
import { putJobMetric } from '#shared/stores/settlement/metrics.ts';
import { completedSteps, completeStep } from '#shared/stores/settlement/progress.ts';
import { systemRequest } from '#shared/stores/settlement/system-request.ts';

/** The closing's storage: DynamoDB for markers, progress, inputs and carry-forward; S3 for the archive. */
export function closingPorts(requestId: string, clock: () => Date = () => new Date()): ClosingPorts {
  return {
    completedSteps,
    completeStep: (job, done, step, summary) => completeStep(job, done, step, summary, clock()),
    closePeriod: async (job) => {
      await closePeriod(job, systemRequest(requestId, clock()));
    },
    readInputs: readClosingInputs,
    cashPositions: (job) => readCashPositions(job),
    archive: (rendered) => archiveReport(rendered, clock()),
    archivedTotals: async (job, report) => {
      const key = archiveKey(job.period.year, job.gov, report, job.period.id, 'report.json');
      const json = JSON.parse(await readArchiveText(key)) as { totals?: Record<string, string> };
      return json.totals ?? {};
    },
    carryForward: (job, opening, carryOvers, lines) => carryForward(job, opening, carryOvers, lines, systemRequest(requestId, clock())),
    metric: putJobMetric,
  };
}
