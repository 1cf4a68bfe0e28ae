/**
 * Business metrics that must page someone, declared once: the settlement jobs emit them
 * (aws-embedded-metrics), the postings consumer through Powertools (`shared/powertools/metrics.ts`:
 * namespace Hojo, dimension `service`), and the CDK stack alarms on them (any value above zero in
 * five minutes).
 */
export interface BusinessAlarmDeclaration {
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly description: string;
}

export const settlementMetricsNamespace = 'Hojo/Settlement';
const settlement = { Service: 'settlement' };
export const postingsMetricsNamespace = 'Hojo';
const postings = { service: 'hojo' };

export const businessAlarms: readonly BusinessAlarmDeclaration[] = [
  {
    namespace: settlementMetricsNamespace,
    metric: 'ReconciliationDifferences',
    dimensions: settlement,
    description:
      'An archived closing report disagrees with the live budget counters or the journal: investigate before the figures are used.',
  },
  {
    namespace: settlementMetricsNamespace,
    metric: 'ArchiveConflicts',
    dimensions: settlement,
    description:
      'A closing found an archived report with different content under its key: the write-once archive was not overwritten; investigate.',
  },
  {
    namespace: settlementMetricsNamespace,
    metric: 'ClosingsFailed',
    dimensions: settlement,
    description: 'A government closing failed and will be retried from its last completed step.',
  },
  {
    namespace: settlementMetricsNamespace,
    metric: 'BudgetReconciliationDifferences',
    dimensions: settlement,
    description:
      'At year-end a 회계 whose 재정자금 (cash and financial instruments) differs from its 세계잉여금 (회계기준규칙 제42조②4): the archived budget-reconciliation report lists the differences; explain or correct them.',
  },
  {
    namespace: postingsMetricsNamespace,
    metric: 'PostingsFailed',
    dimensions: postings,
    description:
      'A posting failed on every delivery for a reason that did not go away and was recorded as rejected (posting-failed): ' +
      'find it in the consumer log, repair the cause, then replay it (npm run redrive -- postings --failed <gov>).',
  },
];
