import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { buildWorkQueue } from '#infra/cdk/constructs/work-queue.ts';
import type { WorkQueueProps } from '#infra/cdk/constructs/work-queue.ts';

export interface QueueWithConsumerProps
  extends Pick<WorkQueueProps, 'declaration' | 'retentionPeriod' | 'highThroughputFifo' | 'ageAlarm'> {
  /** The function that consumes the queue (built with HojoFunction by the caller). */
  readonly consumer: IFunction;
}

/**
 * A work queue with its dead-letter queue (infra/cdk/constructs/work-queue.ts) and its consumer: an
 * event source with the declared batch size and partial batch responses (ReportBatchItemFailures),
 * and an alarm when the consumer fails. For an unsharded queue; a sharded family is QueueFamily
 * (data stack) with ShardConsumers (API stack).
 */
export class QueueWithConsumer extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly consumerErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueWithConsumerProps) {
    super(scope, id);
    const { declaration } = props;
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue, deadLetterAlarm: this.deadLetterAlarm } = buildWorkQueue(this, props));

    const { batchSize, maxBatchingWindowSeconds } = declaration.consumer;
    props.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize,
        maxBatchingWindow: maxBatchingWindowSeconds > 0 ? Duration.seconds(maxBatchingWindowSeconds) : undefined,
        reportBatchItemFailures: true,
      }),
    );
    this.consumerErrorsAlarm = consumerErrorsAlarm(this, declaration.name, declaration.consumer.handler, props.consumer);
  }
}

/** The consumer threw: its whole batch will be redelivered. */
export function consumerErrorsAlarm(scope: Construct, queueName: string, handler: string, consumer: IFunction): Alarm {
  return new Alarm(scope, 'ConsumerErrorsAlarm', {
    alarmDescription: `The consumer of ${queueName} (${handler}) threw: its whole batch will be redelivered.`,
    metric: consumer.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
