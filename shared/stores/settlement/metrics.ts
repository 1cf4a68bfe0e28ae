import '#shared/stores/settlement/metrics-environment.ts';
import { createMetricsLogger, Unit } from 'aws-embedded-metrics';
import { settlementMetricsNamespace } from '#shared/alarms.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';

/**
 * Business metrics of the settlement jobs, as CloudWatch embedded-metric-format log lines
 * (aws-embedded-metrics, not Powertools), namespace and alarms declared in shared/alarms.ts; every metric carries the
 * dimension set {Service: settlement} (what the alarms watch) and {Service, Kind}; the government
 * and period are properties of the line.
 *
 *   ReconciliationDifferences  figures of a report that disagree with live counters/journal (alarm > 0)
 *   ArchiveConflicts           an archive object existed with a different SHA-256 (alarm > 0)
 *   ClosingItemsRead           items a closing read (cost grows with accounts and lines, not postings)
 *   ClosingsCompleted / ClosingsFailed
 *   UnsettledAdvances / UnsettledAdvanceWon   at year-end: the 선급금 advances the closed year keeps (count, won)
 */
export async function putJobMetric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void> {
  const metrics = createMetricsLogger();
  metrics.setNamespace(settlementMetricsNamespace);
  metrics.setDimensions([{ Service: 'settlement' }, { Service: 'settlement', Kind: job.period.kind }]);
  metrics.setProperty('gov', job.gov);
  metrics.setProperty('period', job.period.id);
  metrics.putMetric(name, value, unit === 'Count' ? Unit.Count : Unit.None);
  await metrics.flush();
}
