import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { DeduplicationScope, FifoThroughputLimit, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueDeclaration } from '#shared/resources.ts';

export interface QueueWithConsumerProps {
  /** The declaration in shared/resources.ts: FIFO or not, visibility, redrive and batch settings. */
  readonly declaration: QueueDeclaration;
  /** The function that consumes the queue (built with HojoFunction by the caller). */
  readonly consumer: IFunction;
  /** How long undelivered messages wait, e.g. postings held while the bank link is down. @default Duration.days(14), the SQS maximum */
  readonly retentionPeriod?: Duration;
  /**
   * FIFO high-throughput mode: deduplication and the throughput limit per message group instead of
   * per queue. Ordering is still kept within each message group. @default true (FIFO queues only)
   */
  readonly highThroughputFifo?: boolean;
}

/**
 * A work queue, its dead-letter queue (FIFO when the queue is FIFO) and its consumer: redrive after
 * the declared `maxReceiveCount`, SQS-managed encryption and TLS-only policies on both queues, an
 * event source with the declared batch size and partial batch responses (ReportBatchItemFailures),
 * and alarms when anything reaches the dead-letter queue or the consumer fails.
 */
export class QueueWithConsumer extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly consumerErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueWithConsumerProps) {
    super(scope, id);
    const { declaration } = props;
    const fifo = declaration.fifo;
    const retentionPeriod = props.retentionPeriod ?? Duration.days(14);
    const highThroughput = fifo && (props.highThroughputFifo ?? true);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      fifo: fifo || undefined,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      fifo: fifo || undefined,
      contentBasedDeduplication: fifo ? (declaration.contentBasedDeduplication ?? false) : undefined,
      deduplicationScope: highThroughput ? DeduplicationScope.MESSAGE_GROUP : undefined,
      fifoThroughputLimit: highThroughput ? FifoThroughputLimit.PER_MESSAGE_GROUP_ID : undefined,
      visibilityTimeout: Duration.seconds(declaration.visibilityTimeoutSeconds),
      retentionPeriod,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: declaration.maxReceiveCount },
    });

    const { batchSize, maxBatchingWindowSeconds } = declaration.consumer;
    props.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize,
        maxBatchingWindow: maxBatchingWindowSeconds > 0 ? Duration.seconds(maxBatchingWindowSeconds) : undefined,
        reportBatchItemFailures: true,
      }),
    );

    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `Messages of ${declaration.name} reached ${declaration.deadLetterQueueName} after ${declaration.maxReceiveCount} deliveries: inspect and redrive.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.consumerErrorsAlarm = new Alarm(this, 'ConsumerErrorsAlarm', {
      alarmDescription: `The consumer of ${declaration.name} (${declaration.consumer.handler}) threw: its whole batch will be redelivered.`,
      metric: props.consumer.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
