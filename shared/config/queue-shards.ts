/**
 * Sharded queue families (QueueDeclaration.shards): which shard a message goes to, the physical
 * name of each shard, and its URL. Pure functions, shared by the handlers (enqueue), the local
 * runtime (one receiver per shard), the embedded provisioning, the CDK stacks and the tools.
 */
import codes from '#shared/data/government-codes.json' with { type: 'json' };
import type { QueueDeclaration } from '#shared/resources.ts';

/** In a queue family's URL (the env variable), where the shard number goes. */
export const SHARD_PLACEHOLDER = '{shard}';

/** Registry position of each government, by code order: 11000 → 0, 11110 → 1, … */
const registryIndex = new Map([...codes].sort().map((code, index) => [code, index]));

/**
 * The postings shard of a government. Governments of the registry are dealt round-robin in code
 * order, so with as many shards as governments (the default) each has a shard of its own, and
 * with fewer the governments of a shard are spread evenly. A code outside the registry (the API
 * refuses those) falls back to a hash.
 */
export function postingsShardOf(gov: string, shardCount: number): number {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`shard count must be a positive integer, got ${shardCount}`);
  const index = registryIndex.get(gov) ?? fnv1a(gov);
  return index % shardCount;
}

/** Shard numbers print with three digits: `hojo-postings-007.fifo`. */
export const shardLabel = (shard: number): string => String(shard).padStart(3, '0');

/** The physical name of one shard of a queue (or DLQ) name: the number goes before `.fifo`. */
export function shardName(name: string, shard: number | typeof SHARD_PLACEHOLDER): string {
  const label = shard === SHARD_PLACEHOLDER ? shard : shardLabel(shard);
  return name.endsWith('.fifo') ? `${name.slice(0, -'.fifo'.length)}-${label}.fifo` : `${name}-${label}`;
}

/** The URL of one shard, from the family's URL template. */
export function shardUrl(template: string, shard: number): string {
  // A family deployed as one plain queue (shard count 1) may be named by its plain URL.
  if (!template.includes(SHARD_PLACEHOLDER)) {
    if (shard === 0) return template;
    throw new Error(`queue URL ${template} names no ${SHARD_PLACEHOLDER}, so it has no shard ${shard}`);
  }
  return template.replace(SHARD_PLACEHOLDER, shardLabel(shard));
}

/** The shard count a process was configured with: the env variable, or the declaration's default. */
export function shardCountOf(declaration: Pick<QueueDeclaration, 'name' | 'shards'>, env: NodeJS.ProcessEnv = process.env): number {
  if (!declaration.shards) return 1;
  const configured = env[declaration.shards.countEnv];
  const count = configured === undefined || configured === '' ? declaration.shards.defaultCount : Number(configured);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new Error(`${declaration.shards.countEnv} must be a whole number from 1 to 1000, got "${configured}"`);
  }
  return count;
}

/** The URLs of every shard of a family (the one URL of an unsharded queue). */
export function shardUrls(
  declaration: Pick<QueueDeclaration, 'name' | 'shards'>,
  template: string,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (!declaration.shards) return [template];
  return Array.from({ length: shardCountOf(declaration, env) }, (_, shard) => shardUrl(template, shard));
}

/** FNV-1a, 32 bits: a stable spread for keys outside the registry. */
function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
