import * as z from 'zod';

export const dependencyHealth = z.object({
  name: z.string().describe('dynamodb, sqs:postings, sqs:postings-dlq, s3:archive …'),
  resource: z.string().describe('physical table, queue or bucket name'),
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().optional().describe('error name only, when down'),
});

export const healthReport = z.object({
  status: z.enum(['ok', 'down']).describe('down (HTTP 503) when any dependency is down'),
  checkedAt: z.iso.datetime(),
  dependencies: z.array(dependencyHealth),
});
export type HealthReport = z.infer<typeof healthReport>;
export type DependencyHealth = z.infer<typeof dependencyHealth>;

export const openApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const noQuery = z.strictObject({});
