import { Aws, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IAlias } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { ScheduleDeclaration } from '#shared/schedules.ts';

export interface ScheduledJobProps {
  /** The declaration in shared/schedules.ts: the cron expression, its handler and its input. */
  readonly declaration: ScheduleDeclaration;
  /** The time zone the cron expression is evaluated in. */
  readonly timeZone: string;
  /** What the schedule invokes: the job function's `live` alias (safe-rollout.ts), never `$LATEST`. */
  readonly job: IAlias;
  /** Where invocations that still fail after the retries go. */
  readonly deadLetterQueue: IQueue;
  /** Retries of a failed invocation. @default 3 */
  readonly retryAttempts?: number;
}

/**
 * An EventBridge Scheduler schedule (it evaluates cron in a time zone, Asia/Seoul here, which
 * EventBridge rules cannot) invoking the job's function with the same EventBridge scheduled event
 * the local runtime sends (infra/runtime/scheduler.ts): `detail` is the declared input. Failed invocations are retried, then kept on a dead-letter queue.
 */
export class ScheduledJob extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { declaration } = props;
    const stack = Stack.of(this);
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: `EventBridge Scheduler invoking the ${declaration.name} job`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: declaration.description,
      schedule: ScheduleExpression.expression(`cron(${declaration.cron})`, TimeZone.of(props.timeZone)),
      target: new LambdaInvoke(props.job, {
        role,
        input: ScheduleTargetInput.fromObject({
          version: '0',
          id: ContextAttribute.executionId,
          'detail-type': 'Scheduled Event',
          source: 'aws.scheduler',
          account: Aws.ACCOUNT_ID,
          time: ContextAttribute.scheduledTime,
          region: Aws.REGION,
          resources: [ContextAttribute.scheduleArn],
          detail: declaration.input ?? {},
        }),
        retryAttempts: props.retryAttempts ?? 3,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: props.deadLetterQueue,
      }),
    });
  }
}
