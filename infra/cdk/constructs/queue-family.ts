import { ArnFormat, Fn, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { pascal } from '#infra/cdk/construct-ids.ts';
import { buildWorkQueue } from '#infra/cdk/constructs/work-queue.ts';
import type { WorkQueueProps } from '#infra/cdk/constructs/work-queue.ts';
import { familyNamePattern } from '#infra/cdk/queue-family-plan.ts';
import type { QueueFamilyPlan } from '#infra/cdk/queue-family-plan.ts';
import governments from '#shared/data/local-governments.json' with { type: 'json' };
import { SHARD_PLACEHOLDER, postingsShardOf, shardLabel, shardName } from '#shared/config/queue-shards.ts';
import type { QueueDeclaration } from '#shared/resources.ts';

export interface QueueFamilyProps {
  readonly declaration: QueueDeclaration;
  readonly plan: QueueFamilyPlan;
  /** Whose messages a shard holds, for its alarm (postings: the governments of the shard). @default none */
  readonly membersOf?: (shard: number) => readonly string[];
  /** Every shard's queue-age alarm (shared/alarms.ts). */
  readonly ageAlarm: WorkQueueProps['ageAlarm'];
  /** Deployed retries and retention (infra/cdk/delivery-plan.ts). */
  readonly delivery: WorkQueueProps['delivery'];
}

/**
 * Every shard of a sharded queue family: per shard a named queue and dead-letter queue
 * (`hojo-postings-007.fifo`, `hojo-postings-dlq-007.fifo`, FIFO high-throughput, redrive, TLS only,
 * SQS-managed encryption), an alarm on the dead-letter queue's depth and one on the queue's age, in nested stacks of
 * `plan.groups`. The queues hold accepted work, so they are retained when removed from the stack.
 *
 * Names are fixed so that the family can be addressed without 243 cross-stack references: the
 * functions receive one URL template (`…/hojo-postings-{shard}.fifo`, taken from shard 0's real URL
 * so it holds on any SQS-compatible endpoint) and IAM names the family by one pattern.
 */
export class QueueFamily extends Construct {
  readonly shards: readonly { readonly queue: Queue; readonly deadLetterQueue: Queue }[];
  /** The URL of every shard with `{shard}` in place of its number (shared/config/queue-shards.ts). */
  readonly urlTemplate: string;

  constructor(scope: Construct, id: string, props: QueueFamilyProps) {
    super(scope, id);
    const { declaration, plan } = props;
    const shards: { queue: Queue; deadLetterQueue: Queue }[] = [];
    plan.groups.forEach((group, index) => {
      const nested = new NestedStack(this, `Shards${shardLabel(group[0] ?? 0)}`, {
        description: `hojo ${declaration.name} shards ${shardLabel(group[0] ?? 0)}–${shardLabel(group.at(-1) ?? 0)} (group ${index + 1} of ${plan.groups.length})`,
      });
      for (const shard of group) {
        const members = props.membersOf?.(shard) ?? [];
        const shardScope = new Construct(nested, `${pascal(declaration.name)}${shardLabel(shard)}`);
        const { queue, deadLetterQueue } = buildWorkQueue(shardScope, {
          declaration,
          queueName: shardName(declaration.name, shard),
          deadLetterQueueName: shardName(declaration.deadLetterQueueName, shard),
          removalPolicy: RemovalPolicy.RETAIN,
          alarmNote: members.length > 0 ? `Shard ${shardLabel(shard)}: ${summarise(members)}.` : undefined,
          ageAlarm: props.ageAlarm,
          delivery: props.delivery,
        });
        shards.push({ queue, deadLetterQueue });
      }
    });
    this.shards = shards;
    const first = shards[0]!.queue;
    const firstName = shardName(declaration.name, 0);
    this.urlTemplate = Fn.join('', [Fn.select(0, Fn.split(firstName, first.queueUrl)), shardName(declaration.name, SHARD_PLACEHOLDER)]);
  }
}

/** The ARN of one shard, without a reference to the stack that holds it (same account and Region). */
export function shardArn(scope: Construct, declaration: Pick<QueueDeclaration, 'name'>, shard: number): string {
  return Stack.of(scope).formatArn({ service: 'sqs', resource: shardName(declaration.name, shard), arnFormat: ArnFormat.NO_RESOURCE_NAME });
}

/** The ARN pattern of every shard of a family and of nothing else (queue-family-plan.ts). */
export function familyArnPattern(scope: Construct, declaration: Pick<QueueDeclaration, 'name'>): string {
  return Stack.of(scope).formatArn({
    service: 'sqs',
    resource: familyNamePattern(declaration.name),
    arnFormat: ArnFormat.NO_RESOURCE_NAME,
  });
}

/** The governments whose postings go to a shard (shared/config/queue-shards.ts), as `code name`. */
export const postingsShardMembers =
  (shardCount: number) =>
  (shard: number): string[] =>
    governments.filter((g) => postingsShardOf(g.code, shardCount) === shard).map((g) => `${g.code} ${g.name_en}`);

/** Alarm descriptions hold 1024 characters: name a few members, count many. */
const summarise = (members: readonly string[]): string =>
  members.length <= 5 ? members.join(', ') : `${members.length} members (${members.slice(0, 3).join(', ')}, …)`;
