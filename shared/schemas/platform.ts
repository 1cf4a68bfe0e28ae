import * as z from 'zod';

export const dependencyHealth = z.object({
  name: z.string().describe('dynamodb, sqs:postings, sqs:postings-dlq, s3:archive …'),
  resource: z.string().describe('physical table, queue or bucket name'),
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().optional().describe('error name only, when down'),
  depth: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('queues: messages waiting (ApproximateNumberOfMessages, summed over the shards)'),
});

/** A guarantee of the deployment that is missing while everything answers (self-hosted runtime: the archive's Object Lock). */
export const healthWarning = z.object({
  name: z.string().describe('what is missing, e.g. object-lock'),
  resource: z.string().describe('physical bucket (or other resource) name'),
  missing: z.string().describe('the setting that is missing, e.g. ObjectLockConfiguration'),
});

export const healthReport = z.object({
  status: z
    .enum(['ok', 'degraded', 'down'])
    .describe(
      'down (HTTP 503) when any dependency is down; degraded (HTTP 200) when all answer but a guarantee named in warnings is missing',
    ),
  checkedAt: z.iso.datetime(),
  dependencies: z.array(dependencyHealth),
  warnings: z.array(healthWarning).optional().describe('present when degraded: each missing guarantee'),
});
export type HealthReport = z.infer<typeof healthReport>;

/** The public answer of GET /health: the API answers, nothing about what stands behind it. */
export const shallowHealth = z.object({
  status: z.literal('ok'),
  checkedAt: z.iso.datetime(),
});
export type DependencyHealth = z.infer<typeof dependencyHealth>;

export const openApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const noQuery = z.strictObject({});
