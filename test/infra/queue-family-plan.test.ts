import { describe, expect, it } from 'vitest';
import { readDeployConfig } from '#infra/cdk/deploy-config.ts';
import { familyNamePattern, planQueueFamily, queueFamilyPlans, shardsPerNestedStack } from '#infra/cdk/queue-family-plan.ts';
import { shardName } from '#shared/config/queue-shards.ts';
import { queues } from '#shared/resources.ts';

const postings = { name: queues.postings.name, shards: queues.postings.shards };
const plan = (input: Partial<Parameters<typeof planQueueFamily>[0]> = {}) =>
  planQueueFamily({ declaration: postings, concurrencyLimit: 1000, ...input });

describe('the layout of a sharded queue family on AWS', () => {
  it('deploys one shard per government, in nested stacks of 40, reserving every shard at its MaximumConcurrency', () => {
    const { shardCount, groups, reservedConcurrency, maximumConcurrencyPerShard } = plan();
    expect(shardCount).toBe(243);
    expect(maximumConcurrencyPerShard).toBeGreaterThanOrEqual(2);
    expect(reservedConcurrency).toBe(243 * maximumConcurrencyPerShard);
    expect(groups.map((g) => g.length)).toEqual([40, 40, 40, 40, 40, 40, 3]);
    expect(groups.flat()).toEqual(Array.from({ length: 243 }, (_, shard) => shard));
    expect(shardsPerNestedStack * 5).toBeLessThan(500);
  });

  it('refuses a reservation below shards × MaximumConcurrency or above the regional limit − 100 unreserved', () => {
    expect(() => plan({ reservedConcurrency: 485 })).toThrow(/below 243 shards × MaximumConcurrency 2 = 486/);
    expect(() => plan({ reservedConcurrency: 901 })).toThrow(/exceeds the regional limit 1000 − 100 unreserved = 900/);
    expect(plan({ reservedConcurrency: 900 }).reservedConcurrency).toBe(900);
    // 500 shards × 2 need 1,000 reserved: only with a raised quota.
    expect(() => plan({ shardCount: 500 })).toThrow(/lambdaConcurrencyLimit/);
    expect(plan({ shardCount: 500, concurrencyLimit: 1100 }).reservedConcurrency).toBe(1000);
  });

  it('refuses shard counts the three-digit names cannot hold and a MaximumConcurrency Lambda rejects', () => {
    expect(() => plan({ shardCount: 1001, concurrencyLimit: 5000 })).toThrow(/1 to 1000/);
    expect(() => plan({ shardCount: 0 })).toThrow(/1 to 1000/);
    expect(() => plan({ declaration: { ...postings, shards: { ...postings.shards, maximumConcurrencyPerShard: 1 } } })).toThrow(/2–1000/);
  });

  it('takes the shard count and the reservation from CDK context', () => {
    const config = readDeployConfig((key) => ({ postingsShards: '4', lambdaConcurrencyLimit: '200' })[key]);
    const plans = queueFamilyPlans(config);
    expect([...plans.keys()]).toEqual(['postings']);
    expect(plans.get('postings')).toMatchObject({ shardCount: 4, reservedConcurrency: 8, groups: [[0, 1, 2, 3]] });
    expect(() => readDeployConfig((key) => ({ postingsShards: 'many' })[key])).toThrow(/postingsShards/);
  });

  it('names the shards by one IAM pattern that leaves out their dead-letter queues', () => {
    const pattern = familyNamePattern(queues.postings.name);
    expect(pattern).toBe('hojo-postings-???.fifo');
    const matches = (name: string) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\?/g, '.')}$`).test(name);
    expect(matches(shardName(queues.postings.name, 0))).toBe(true);
    expect(matches(shardName(queues.postings.name, 999))).toBe(true);
    expect(matches(shardName(queues.postings.deadLetterQueueName, 7))).toBe(false);
    expect(matches(queues.postings.name)).toBe(false);
  });
});
