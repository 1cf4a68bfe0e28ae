import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { operationalAlarms } from '#shared/alarms.ts';

/**
 * The operational alarms (figures and texts in shared/alarms.ts `operationalAlarms`), each built
 * into the scope of what it watches. Their actions are added by NotifyOnAlarms (alarm-topic.ts).
 */
const above = ComparisonOperator.GREATER_THAN_THRESHOLD;
const quiet = TreatMissingData.NOT_BREACHING;

/** API server errors and p99 latency over the whole stage. */
export function apiAlarms(scope: Construct, api: HttpApi): Alarm[] {
  const { api5xx, apiLatencyP99 } = operationalAlarms;
  return [
    new Alarm(scope, 'ServerErrorsAlarm', {
      alarmDescription: api5xx.description,
      metric: api.metricServerError({ period: Duration.minutes(api5xx.periodMinutes), statistic: 'Sum' }),
      threshold: api5xx.threshold,
      comparisonOperator: above,
      evaluationPeriods: 1,
      treatMissingData: quiet,
    }),
    new Alarm(scope, 'LatencyAlarm', {
      alarmDescription: apiLatencyP99.description,
      metric: api.metricLatency({ period: Duration.minutes(apiLatencyP99.periodMinutes), statistic: 'p99' }),
      threshold: apiLatencyP99.thresholdMs,
      comparisonOperator: above,
      evaluationPeriods: apiLatencyP99.evaluationPeriods,
      treatMissingData: quiet,
    }),
  ];
}

/** A route's function threw or was throttled (one alarm per route: Errors + Throttles). */
export function routeFailureAlarm(scope: Construct, id: string, what: string, fn: IFunction): Alarm {
  const { routeFailures } = operationalAlarms;
  const period = Duration.minutes(routeFailures.periodMinutes);
  return new Alarm(scope, id, {
    alarmDescription: `${what} ${routeFailures.description}`,
    metric: new MathExpression({
      expression: 'errors + throttles',
      usingMetrics: {
        errors: fn.metricErrors({ period, statistic: 'Sum' }),
        throttles: fn.metricThrottles({ period, statistic: 'Sum' }),
      },
      period,
      label: 'errors and throttles',
    }),
    threshold: routeFailures.threshold,
    comparisonOperator: above,
    evaluationPeriods: 1,
    treatMissingData: quiet,
  });
}

/** Reads or writes of the table (its indexes included in the table's own events) were throttled. */
export function tableThrottleAlarms(scope: Construct, table: ITable): Alarm[] {
  const { tableThrottles } = operationalAlarms;
  const period = Duration.minutes(tableThrottles.periodMinutes);
  return (['Read', 'Write'] as const).map(
    (kind) =>
      new Alarm(scope, `${kind}ThrottlesAlarm`, {
        alarmDescription: `${kind}s of the ledger table ${tableThrottles.description}`,
        metric: table.metric(`${kind}ThrottleEvents`, { period, statistic: 'Sum' }),
        threshold: tableThrottles.threshold,
        comparisonOperator: above,
        evaluationPeriods: 1,
        treatMissingData: quiet,
      }),
  );
}

/** The oldest message of a queue has waited longer than `thresholdSeconds`. */
export function queueAgeAlarm(scope: Construct, queue: IQueue, thresholdSeconds: number, description: string): Alarm {
  return new Alarm(scope, 'AgeAlarm', {
    alarmDescription: description,
    metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: thresholdSeconds,
    comparisonOperator: above,
    evaluationPeriods: 1,
    treatMissingData: quiet,
  });
}

/** Anything in a dead-letter queue that is not a work queue's (the schedules'). */
export function deadLetterDepthAlarm(scope: Construct, id: string, queue: IQueue, description: string): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: quiet,
  });
}
