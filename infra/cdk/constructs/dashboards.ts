import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { postingsMetricsNamespace, settlementMetricsNamespace } from '#shared/alarms.ts';

export interface DashboardsProps {
  readonly api: HttpApi;
  readonly table: ITable;
  readonly settlement: IQueue | undefined;
  /**
   * Appended to every dashboard's name. Dashboards are global to the account, not regional
   * (AWS::CloudWatch::Dashboard), so a second Region's (the fail-over deployment) need names of their
   * own beside the primary's. @default none
   */
  readonly nameSuffix?: string;
}

const period = Duration.minutes(5);
const sum = (namespace: string, metricName: string, dimensionsMap: Record<string, string>): Metric =>
  new Metric({ namespace, metricName, dimensionsMap, statistic: 'Sum', period });
/** Every postings shard at once, found by name (243 metrics would not fit a widget's definition). */
const shardSearch = (metricName: string, label: string): IMetric =>
  new MathExpression({
    expression: `MAX(SEARCH('{AWS/SQS,QueueName} QueueName="hojo-postings-" MetricName="${metricName}"', 'Maximum', 300))`,
    usingMetrics: {},
    label,
    period,
  });
const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
/** The dashboard `hojo-<concern><suffix>`: one row of graphs. */
const dashboard = (scope: Dashboards, id: string, concern: string, row: GraphWidget[]): Dashboard =>
  new Dashboard(scope, id, { dashboardName: `hojo-${concern}${scope.nameSuffix}`, widgets: [row] });

/**
 * One dashboard per concern, named `hojo-<concern>`: the API (traffic, errors, latency), the postings
 * (applied, rejected, redelivered, failed, queue age and dead letters over every shard), the closings
 * (completed, failed, differences, the settlement queue) and the ledger table (capacity, throttles).
 */
export class Dashboards extends Construct {
  readonly nameSuffix: string;

  constructor(scope: Construct, id: string, props: DashboardsProps) {
    super(scope, id);
    this.nameSuffix = props.nameSuffix ?? '';
    const { api, table } = props;
    dashboard(this, 'Api', 'api', [
      graph('Requests and errors', [api.metricCount({ period }), api.metricClientError({ period }), api.metricServerError({ period })]),
      graph('Latency (p50, p99)', [
        api.metricLatency({ period, statistic: 'p50' }),
        api.metricLatency({ period, statistic: 'p99' }),
        api.metricIntegrationLatency({ period, statistic: 'p99' }),
      ]),
    ]);
    const postings = { service: 'hojo' };
    dashboard(this, 'Postings', 'postings', [
      graph(
        'Postings',
        ['PostingsApplied', 'PostingsRejected', 'PostingsDuplicate'].map((m) => sum(postingsMetricsNamespace, m, postings)),
        ['PostingsRedelivered', 'PostingsFailed'].map((m) => sum(postingsMetricsNamespace, m, postings)),
      ),
      graph(
        'Queues over every shard (max)',
        [shardSearch('ApproximateAgeOfOldestMessage', 'oldest message (s)')],
        [shardSearch('ApproximateNumberOfMessagesVisible', 'visible messages (queue or DLQ)')],
      ),
    ]);
    const settlement = { Service: 'settlement' };
    dashboard(this, 'Closings', 'closings', [
      graph(
        'Closings',
        ['ClosingsCompleted', 'ClosingsFailed'].map((m) => sum(settlementMetricsNamespace, m, settlement)),
        ['ReconciliationDifferences', 'ArchiveConflicts', 'BudgetReconciliationDifferences', 'UnsettledAdvances'].map((m) =>
          sum(settlementMetricsNamespace, m, settlement),
        ),
      ),
      graph(
        'Settlement queue',
        props.settlement ? [props.settlement.metricApproximateNumberOfMessagesVisible({ period })] : [],
        props.settlement ? [props.settlement.metricApproximateAgeOfOldestMessage({ period })] : [],
      ),
    ]);
    dashboard(this, 'Table', 'table', [
      graph('Consumed capacity', [table.metricConsumedReadCapacityUnits({ period }), table.metricConsumedWriteCapacityUnits({ period })]),
      graph('Throttle events', [
        table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
        table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
      ]),
    ]);
  }
}
