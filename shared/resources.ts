/**
 * The one declaration of every table, queue and bucket. The CDK stack, the embedded stack
 * manager and the local runtime all read these objects; nothing else names a resource.
 */

export interface TableDeclaration {
  /** Logical name; CDK derives the physical name, the embedded stack uses it as is. */
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly globalIndexes: readonly { readonly name: string; readonly partitionKey: string; readonly sortKey: string }[];
  /** Environment variable through which handlers learn the physical name. */
  readonly env: string;
}

export interface QueueDeclaration {
  readonly name: string;
  readonly fifo: boolean;
  /** FIFO queues: deduplicate on the body hash when no MessageDeduplicationId is sent. */
  readonly contentBasedDeduplication?: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** Deliveries before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly deadLetterQueueName: string;
  readonly env: string;
  /** The handler that consumes it (path under functions/, without extension) and its batch settings. */
  readonly consumer: { readonly handler: string; readonly batchSize: number; readonly maxBatchingWindowSeconds: number };
  /**
   * A family of identical queues (shards), each with its own dead-letter queue and its own
   * consumer share, so that the load of one shard cannot delay another (a bulkhead). Messages
   * choose their shard with a pure function of their key (postings: `postingsShardOf(gov)` in
   * shared/config/queue-shards.ts). Physical names insert the shard number:
   * `hojo-postings-007.fifo`, `hojo-postings-dlq-007.fifo`.
   */
  readonly shards?: ShardingDeclaration;
}

export interface ShardingDeclaration {
  /** Shards unless configured otherwise (CDK context `postingsShards`; `npm start`: the `countEnv` variable). */
  readonly defaultCount: number;
  /** Environment variable that tells handlers and tools how many shards were deployed. */
  readonly countEnv: string;
  /**
   * Batches of one shard in flight at once: the event source mapping's MaximumConcurrency on AWS
   * (2 is its minimum), the per-shard limit of the local runtime's worker pool.
   */
  readonly maximumConcurrencyPerShard: number;
}

/** The 243 local governments of the code table (shared/data/local-governments.json). */
export const GOVERNMENT_COUNT = 243;

export interface BucketDeclaration {
  readonly name: string;
  readonly versioned: boolean;
  /** Write-once retention applied to every object (COMPLIANCE mode) where the target supports it. */
  readonly objectLockRetentionDays?: number;
  readonly env: string;
}

export const table: TableDeclaration = {
  name: 'hojo',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  env: 'TABLE_NAME',
};

export const queues = {
  /**
   * Execution postings. FIFO so that the postings of one message group (one budget line)
   * apply in the order they were accepted. Sharded by government, one shard per government by
   * default: a government flooding its postings fills only its own queue and its own consumer
   * share, never another government's (the per-government bulkhead; README, Bulkheads).
   * `POSTING_QUEUE_URL` holds the URL with `{shard}` in place of the shard number.
   */
  postings: {
    name: 'hojo-postings.fifo',
    fifo: true,
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    deadLetterQueueName: 'hojo-postings-dlq.fifo',
    env: 'POSTING_QUEUE_URL',
    consumer: { handler: 'postings/apply-postings', batchSize: 10, maxBatchingWindowSeconds: 0 },
    shards: { defaultCount: GOVERNMENT_COUNT, countEnv: 'POSTING_QUEUE_SHARDS', maximumConcurrencyPerShard: 2 },
  },
  /** Settlement work fanned out one message per government, so that no job is one long run. */
  settlement: {
    name: 'hojo-settlement',
    fifo: false,
    visibilityTimeoutSeconds: 300,
    maxReceiveCount: 3,
    deadLetterQueueName: 'hojo-settlement-dlq',
    env: 'SETTLEMENT_QUEUE_URL',
    consumer: { handler: 'settlement/run-closing', batchSize: 1, maxBatchingWindowSeconds: 0 },
  },
} as const satisfies Record<string, QueueDeclaration>;

export const buckets = {
  /** Closing reports for ministry staff: write-once. */
  archive: { name: 'hojo-archive', versioned: true, objectLockRetentionDays: 3650, env: 'ARCHIVE_BUCKET' },
} as const satisfies Record<string, BucketDeclaration>;

export type QueueKey = keyof typeof queues;
export type BucketKey = keyof typeof buckets;
