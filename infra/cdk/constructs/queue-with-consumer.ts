import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueDeclaration } from '#shared/resources.ts';

export interface QueueWithConsumerProps {
  readonly declaration: QueueDeclaration;
  /** The queue, built and retained in the data stack (infra/cdk/constructs/work-queue.ts). */
  readonly queue: IQueue;
  /** The function that consumes the queue (built with HojoFunction by the caller). */
  readonly consumer: IFunction;
  /** Batches at once (the mapping's MaximumConcurrency, 2–1000); the consumer reserves as many. */
  readonly maximumConcurrency?: number;
}

/**
 * The consumer side of an unsharded work queue (its queue and dead-letter queue live in the data
 * stack, retained): an event source with the declared batch size and partial batch responses
 * (ReportBatchItemFailures), and an alarm when the consumer fails. A sharded family is QueueFamily
 * (data stack) with ShardConsumers (API stack).
 */
export class QueueWithConsumer extends Construct {
  readonly queue: IQueue;
  readonly consumerErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueWithConsumerProps) {
    super(scope, id);
    const { declaration } = props;
    this.queue = props.queue;
    const { batchSize, maxBatchingWindowSeconds } = declaration.consumer;
    props.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize,
        maxBatchingWindow: maxBatchingWindowSeconds > 0 ? Duration.seconds(maxBatchingWindowSeconds) : undefined,
        reportBatchItemFailures: true,
        maxConcurrency: props.maximumConcurrency,
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
