import { SHARD_PLACEHOLDER, shardName } from '#shared/config/queue-shards.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { queues } from '#shared/resources.ts';
import type { QueueDeclaration, QueueKey, ShardingDeclaration } from '#shared/resources.ts';

/**
 * How a sharded queue family (shared/resources.ts `shards`) is laid out on AWS, decided before any
 * construct exists so that the limits it must respect fail synthesis with a sentence, not a deploy:
 *
 * - CloudFormation: 500 resources per stack. A shard is five resources in the data stack (queue,
 *   dead-letter queue, their two TLS-only policies, the dead-letter alarm) and one in the API stack
 *   (its event source mapping), so shards go in nested stacks of `shardsPerNestedStack`: 200 and 40
 *   resources each, 7 nested stacks per side for 243 shards.
 * - Lambda: each shard's event source mapping may run `maximumConcurrencyPerShard` batches at once
 *   (ScalingConfig.MaximumConcurrency, 2 to 1000). The consumer's reserved concurrency must cover
 *   every shard running at once (shards × MaximumConcurrency), else a flood of one government takes
 *   concurrency another needs and the mappings are throttled; and it must leave the 100 unreserved
 *   executions Lambda requires for the account's other functions.
 */
export const shardsPerNestedStack = 40;
/** Lambda refuses reservations that leave fewer unreserved executions than this in the Region. */
export const unreservedConcurrencyMinimum = 100;
/** ScalingConfig.MaximumConcurrency bounds (Lambda API reference, ScalingConfig). */
export const maximumConcurrencyRange = { min: 2, max: 1000 } as const;

export interface QueueFamilyPlan {
  readonly shardCount: number;
  readonly maximumConcurrencyPerShard: number;
  readonly reservedConcurrency: number;
  /** Shard numbers per nested stack, in order: [[0..39], [40..79], …]. */
  readonly groups: readonly (readonly number[])[];
}

export interface QueueFamilyPlanInput {
  readonly declaration: Pick<QueueDeclaration, 'name'> & { readonly shards: ShardingDeclaration };
  /** @default the declaration's defaultCount */
  readonly shardCount?: number;
  /** @default shardCount × maximumConcurrencyPerShard */
  readonly reservedConcurrency?: number;
  /** The account's regional concurrency quota. */
  readonly concurrencyLimit: number;
}

export function planQueueFamily(input: QueueFamilyPlanInput): QueueFamilyPlan {
  const { declaration } = input;
  const shardCount = input.shardCount ?? declaration.shards.defaultCount;
  // Three-digit shard labels (hojo-postings-007.fifo) and the `???` ARN pattern hold up to 1000 shards.
  if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 1000) {
    throw new Error(`${declaration.name}: shard count must be 1 to 1000, got ${shardCount}`);
  }
  const perShard = declaration.shards.maximumConcurrencyPerShard;
  if (perShard < maximumConcurrencyRange.min || perShard > maximumConcurrencyRange.max) {
    throw new Error(
      `${declaration.name}: maximumConcurrencyPerShard ${perShard} is outside Lambda's MaximumConcurrency range ${maximumConcurrencyRange.min}–${maximumConcurrencyRange.max}`,
    );
  }
  const needed = shardCount * perShard;
  const reservedConcurrency = input.reservedConcurrency ?? needed;
  const ceiling = input.concurrencyLimit - unreservedConcurrencyMinimum;
  if (reservedConcurrency < needed) {
    throw new Error(
      `${declaration.name}: reserved concurrency ${reservedConcurrency} is below ${shardCount} shards × MaximumConcurrency ${perShard} = ${needed}: a flooded shard would take executions the others need`,
    );
  }
  if (reservedConcurrency > ceiling) {
    throw new Error(
      `${declaration.name}: reserved concurrency ${reservedConcurrency} exceeds the regional limit ${input.concurrencyLimit} − ${unreservedConcurrencyMinimum} unreserved = ${ceiling}: raise the Lambda concurrency quota and pass -c lambdaConcurrencyLimit=…, or deploy fewer shards (-c postingsShards=…)`,
    );
  }
  const groups: number[][] = [];
  for (let first = 0; first < shardCount; first += shardsPerNestedStack) {
    groups.push(Array.from({ length: Math.min(shardsPerNestedStack, shardCount - first) }, (_, i) => first + i));
  }
  return { shardCount, maximumConcurrencyPerShard: perShard, reservedConcurrency, groups };
}

/** The plan of every sharded family declared in shared/resources.ts, with the context's overrides. */
export function queueFamilyPlans(config: DeployConfig): ReadonlyMap<QueueKey, QueueFamilyPlan> {
  const plans = new Map<QueueKey, QueueFamilyPlan>();
  for (const key of Object.keys(queues) as QueueKey[]) {
    const declaration: QueueDeclaration = queues[key];
    if (!declaration.shards) continue;
    const overrides = config.queueFamilies[key];
    plans.set(
      key,
      planQueueFamily({
        declaration: { name: declaration.name, shards: declaration.shards },
        shardCount: overrides?.shards,
        reservedConcurrency: overrides?.reservedConcurrency,
        concurrencyLimit: config.lambdaConcurrencyLimit,
      }),
    );
  }
  return plans;
}

/**
 * The IAM resource name matching every shard of a family and nothing else: the shard number is
 * three characters (`???`), so `hojo-postings-???.fifo` matches `hojo-postings-007.fifo` but not the
 * dead-letter queues (`hojo-postings-dlq-007.fifo`). One pattern instead of 243 ARNs, which would
 * pass the 10,240-character limit of a role's inline policies.
 */
export const familyNamePattern = (name: string): string => shardName(name, SHARD_PLACEHOLDER).replace(SHARD_PLACEHOLDER, '???');
