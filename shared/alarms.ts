import { GOVERNMENT_COUNT } from '#shared/resources.ts';

/**
 * Every alarm of the deployment is declared here, once; the CDK app builds them and sends each one's
 * ALARM and OK to the operators' topic (infra/cdk/constructs/alarm-topic.ts).
 *
 * Business metrics that must page someone: the settlement jobs emit them (aws-embedded-metrics), the
 * postings consumer through Powertools (`shared/powertools/metrics.ts`: namespace Hojo, dimension
 * `service`). By default any value above zero in five minutes breaches; a heartbeat says instead how
 * many it expects and that silence breaches.
 */
export interface BusinessAlarmDeclaration {
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly description: string;
  /** @default 0 */
  readonly threshold?: number;
  /** `above`: more than the threshold breaches; `below`: fewer. @default 'above' */
  readonly breachesWhen?: 'above' | 'below';
  /** Window of the sum. @default 5 */
  readonly periodMinutes?: number;
  /** A heartbeat: no data at all is a breach. @default false (no data: nothing happened) */
  readonly missingDataBreaches?: boolean;
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
    namespace: settlementMetricsNamespace,
    metric: 'UnsettledAdvances',
    dimensions: settlement,
    description:
      'At year-end the closed year keeps advances (일상경비등, 개산급) the bank paid and nobody settled or returned (지방회계법 제7조제2항): ' +
      'GET …/years/{year}/advances/unsettled lists them; UnsettledAdvanceWon carries the won.',
  },
  {
    namespace: postingsMetricsNamespace,
    metric: 'PostingsFailed',
    dimensions: postings,
    description:
      'A posting failed on every delivery for a reason that did not go away and was recorded as rejected (posting-failed): ' +
      'find it in the consumer log, repair the cause, then replay it (npm run redrive -- postings --failed <gov>).',
  },
  {
    namespace: postingsMetricsNamespace,
    metric: 'PostingsRedelivered',
    dimensions: postings,
    // The consumer answers with batch item failures, so Lambda's Errors never counts these.
    threshold: 50,
    description:
      'More than 50 postings in five minutes were handed back for redelivery (a transient failure: throttling, a conflict, the table unreachable): ' +
      'they retry for hours in their line order; find the cause in the consumer log before the queue age alarm fires.',
  },
  {
    namespace: settlementMetricsNamespace,
    metric: 'ClosingsCompleted',
    dimensions: { ...settlement, Kind: 'daily' },
    threshold: GOVERNMENT_COUNT,
    breachesWhen: 'below',
    periodMinutes: 24 * 60,
    missingDataBreaches: true,
    description: `Heartbeat: fewer than ${GOVERNMENT_COUNT} daily closings (일계표) completed in the last 24 hours, or none reported at all: the schedule, the fan-out or the consumer stopped; see the closing status of the missing governments and start them (npm run job).`,
  },
  {
    namespace: settlementMetricsNamespace,
    metric: 'PaymentOrdersUnconfirmed',
    dimensions: settlement,
    periodMinutes: 24 * 60,
    description:
      'Payment orders (지급명령) accepted 3 to 9 days ago that the treasury bank has not confirmed as paid (counted by each daily closing; shared/domain/settlement/unconfirmed-orders.ts): ' +
      'the consumer log names the government and the orders; ask the bank whether the payment was made and record it (pay) or correct the order.',
  },
];

/**
 * Operational alarms on AWS metrics (the CDK app reads the figures; descriptions say what to do).
 * Thresholds are starting points to tune on the dashboards after the first months.
 */
export const operationalAlarms = {
  api5xx: {
    threshold: 5,
    periodMinutes: 5,
    description: 'The API answered more than 5 server errors (5xx) in five minutes: see the access log and the route alarms.',
  },
  apiLatencyP99: {
    thresholdMs: 3000,
    periodMinutes: 5,
    evaluationPeriods: 3,
    description: 'The API p99 latency stayed above 3 s for 15 minutes: see the dashboard (integration latency, table throttles).',
  },
  routeFailures: {
    threshold: 0,
    periodMinutes: 5,
    description:
      'threw or was throttled in the last five minutes (Lambda Errors + Throttles): see its log; throttles mean the account concurrency is exhausted.',
  },
  tableThrottles: {
    threshold: 0,
    periodMinutes: 5,
    description: 'was throttled (on-demand table beyond its table or partition limits): a hot partition or a surge; see the dashboard.',
  },
  postingsQueueAge: {
    thresholdSeconds: 15 * 60,
    description:
      'the oldest accepted posting has waited more than 15 minutes: its line is retrying a transient failure (see PostingsRedelivered) or the consumer is stopped.',
  },
  settlementQueueAge: {
    thresholdSeconds: 2 * 60 * 60,
    description: 'A closing message has waited more than 2 hours: closings are retrying or the consumer is stopped.',
  },
  rolloutLatencyP99: {
    periodMinutes: 1,
    evaluationPeriods: 2,
    /** Of the function's timeout: a new version whose p99 nears it is rolled back. */
    fractionOfTimeout: 0.8,
    description:
      "p99 duration of the live alias stayed above 80 % of the function's timeout for two minutes: during a deployment CodeDeploy rolls the new version back.",
  },
  scheduleDeadLetters: {
    description:
      'An EventBridge schedule failed to invoke its job after its retries (the invocation is in the schedule dead-letter queue): start the job by hand (npm run job).',
  },
} as const;
