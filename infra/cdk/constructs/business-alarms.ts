import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { BusinessAlarmDeclaration } from '#shared/alarms.ts';

export interface BusinessAlarmsProps {
  /** The declarations to alarm on (shared/alarms.ts). */
  readonly declarations: readonly BusinessAlarmDeclaration[];
  /** Window over which any value above zero breaches. @default 5 minutes */
  readonly period?: Duration;
}

/** One alarm per declared business metric: any occurrence in the period breaches. */
export class BusinessAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: BusinessAlarmsProps) {
    super(scope, id);
    this.alarms = props.declarations.map(
      (declaration) =>
        new Alarm(this, declaration.metric, {
          alarmDescription: declaration.description,
          metric: new Metric({
            namespace: declaration.namespace,
            metricName: declaration.metric,
            dimensionsMap: { ...declaration.dimensions },
            statistic: 'Sum',
            period: props.period ?? Duration.minutes(5),
          }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
    );
  }
}
