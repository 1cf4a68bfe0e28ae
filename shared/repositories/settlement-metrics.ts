import { Configuration, createMetricsLogger, Unit } from 'aws-embedded-metrics';
import type { ClosingJob } from '#shared/domain/settlement/closing-run.ts';

/**
 * Business metrics of the settlement jobs, as CloudWatch embedded-metric-format log lines
 * (aws-embedded-metrics, not Powertools). Namespace Hojo/Settlement; every metric carries the
 * dimension set {Service: settlement} (what the alarms watch) and {Service, Kind}; the government
 * and period are properties of the line.
 *
 *   ReconciliationDifferences  figures of a report that disagree with live counters/journal (alarm > 0)
 *   ArchiveConflicts           an archive object existed with a different SHA-256 (alarm > 0)
 *   ClosingItemsRead           items a closing read (cost grows with accounts and lines, not postings)
 *   ClosingsCompleted / ClosingsFailed
 */
export const SETTLEMENT_METRICS_NAMESPACE = 'Hojo/Settlement';

// Outside Lambda (local runtime, tests) print the metric lines instead of probing for an agent.
if (!process.env.AWS_LAMBDA_FUNCTION_NAME && !process.env.AWS_EMF_ENVIRONMENT) {
  Configuration.environmentOverride = 'Local' as typeof Configuration.environmentOverride;
}

export async function putJobMetric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void> {
  const metrics = createMetricsLogger();
  metrics.setNamespace(SETTLEMENT_METRICS_NAMESPACE);
  metrics.setDimensions([{ Service: 'settlement' }, { Service: 'settlement', Kind: job.period.kind }]);
  metrics.setProperty('gov', job.gov);
  metrics.setProperty('period', job.period.id);
  metrics.putMetric(name, value, unit === 'Count' ? Unit.Count : Unit.None);
  await metrics.flush();
}
