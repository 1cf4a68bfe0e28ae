import { Duration, NestedStack } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { pascal } from '#infra/cdk/construct-ids.ts';
import { familyArnPattern, shardArn } from '#infra/cdk/constructs/queue-family.ts';
import { consumerErrorsAlarm } from '#infra/cdk/constructs/queue-with-consumer.ts';
import type { QueueFamilyPlan } from '#infra/cdk/queue-family-plan.ts';
import { shardLabel } from '#shared/config/queue-shards.ts';
import type { QueueDeclaration } from '#shared/resources.ts';

/** What an SQS event source mapping needs from the function's role (the CDK's grantConsumeMessages). */
export const consumeActions = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
] as const;

export interface ShardConsumersProps {
  readonly declaration: QueueDeclaration;
  readonly plan: QueueFamilyPlan;
  /** The one consumer function of the family, with the plan's reserved concurrency. */
  readonly consumer: IFunction;
}

/**
 * One event source mapping per shard of a family (QueueFamily, data stack) onto the family's
 * consumer: the declared batch size, partial batch responses (ReportBatchItemFailures) and
 * ScalingConfig.MaximumConcurrency per shard, so a flooded shard runs at most that many batches and
 * the others keep theirs. Mappings sit in nested stacks of `plan.groups`; the queues are addressed by
 * their fixed names, and the consumer may consume every shard through one ARN pattern.
 */
export class ShardConsumers extends Construct {
  readonly mappings: readonly EventSourceMapping[];
  readonly consumerErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ShardConsumersProps) {
    super(scope, id);
    const { declaration, plan, consumer } = props;
    const { batchSize, maxBatchingWindowSeconds } = declaration.consumer;
    consumer.addToRolePolicy(new PolicyStatement({ actions: [...consumeActions], resources: [familyArnPattern(this, declaration)] }));

    const mappings: EventSourceMapping[] = [];
    for (const group of plan.groups) {
      const nested = new NestedStack(this, `Shards${shardLabel(group[0] ?? 0)}`, {
        description: `hojo ${declaration.name} consumers of shards ${shardLabel(group[0] ?? 0)}–${shardLabel(group.at(-1) ?? 0)}`,
      });
      for (const shard of group) {
        mappings.push(
          new EventSourceMapping(nested, `${pascal(declaration.name)}${shardLabel(shard)}Consumer`, {
            target: consumer,
            eventSourceArn: shardArn(nested, declaration, shard),
            batchSize,
            maxBatchingWindow: maxBatchingWindowSeconds > 0 ? Duration.seconds(maxBatchingWindowSeconds) : undefined,
            reportBatchItemFailures: true,
            maxConcurrency: plan.maximumConcurrencyPerShard,
          }),
        );
      }
    }
    this.mappings = mappings;
    this.consumerErrorsAlarm = consumerErrorsAlarm(this, declaration.name, declaration.consumer.handler, consumer);
  }
}
