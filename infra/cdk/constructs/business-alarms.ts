import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { BusinessAlarmDeclaration } from '#shared/alarms.ts';

export interface BusinessAlarmsProps {
  /** The declarations to alarm on (shared/alarms.ts). */
  readonly declarations: readonly BusinessAlarmDeclaration[];
}

/**
 * One alarm per declared business metric: by default any occurrence in five minutes breaches; a
 * heartbeat (shared/alarms.ts) breaches below its threshold and when nothing is reported.
 */
export class BusinessAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: BusinessAlarmsProps) {
    super(scope, id);
    this.alarms = props.declarations.map(
      (declaration) =>
        new Alarm(this, `${declaration.metric}${declaration.dimensions.Kind ?? ''}`, {
          alarmDescription: declaration.description,
          metric: new Metric({
            namespace: declaration.namespace,
            metricName: declaration.metric,
            dimensionsMap: { ...declaration.dimensions },
            statistic: 'Sum',
            period: Duration.minutes(declaration.periodMinutes ?? 5),
          }),
          threshold: declaration.threshold ?? 0,
          comparisonOperator:
            declaration.breachesWhen === 'below' ? ComparisonOperator.LESS_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: declaration.missingDataBreaches ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING,
        }),
    );
  }
}
