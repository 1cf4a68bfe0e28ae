import { buildReports, unbalancedTrialBalance } from '#shared/domain/settlement/closing.ts';
import type { ArchiveOutcome, ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import type { ReportId } from '#shared/domain/reports/report.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';

/**
 * The closing's archive-reports step: renders the period's reports (JSON, CSV, XLSX, manifest)
 * and archives each write-once. A monthly closing whose trial balance does not balance archives
 * nothing and stops (trial-balance-unbalanced), with the differences counted in the metric.
 */
export async function archiveClosingReports(
  job: ClosingJob,
  inputs: ClosingInputs,
  ports: ClosingPorts,
): Promise<{ report: ReportId; outcome: ArchiveOutcome }[]> {
  await ports.metric(job, 'ClosingItemsRead', inputs.itemsRead, 'Count');
  const archived: { report: ReportId; outcome: ArchiveOutcome }[] = [];
  for (const report of buildReports(job, inputs)) {
    const unbalanced = report.report === 'trial-balance' ? unbalancedTrialBalance(job, inputs) : undefined;
    if (unbalanced) {
      await ports.metric(job, 'ReconciliationDifferences', unbalanced.context.differences.length, 'Count');
      throw new Refused(unbalanced);
    }
    archived.push({ report: report.report, outcome: await ports.archive(renderReport(report)) });
  }
  return archived;
}
