import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { ClosingKind } from '#shared/domain/settlement/periods.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { progressKey, settlementPartition } from '#shared/stores/settlement/keys.ts';

export interface ClosingProgress {
  readonly gov: string;
  readonly year: number;
  readonly kind: ClosingKind;
  readonly period: string;
  readonly completed: readonly string[];
  readonly status: 'running' | 'done' | 'failed';
  /** Why the last run failed before its archive was written (the period was opened again). */
  readonly failure?: { readonly code: string; readonly detail: string } | undefined;
  /** Figures the steps reported (items read, reports written, differences found). */
  readonly summary: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

const keyOf = (job: ClosingJob) => progressKey(job.gov, job.period.year, job.period.kind, job.period.id);

export async function completedSteps(job: ClosingJob): Promise<readonly string[]> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keyOf(job), ConsistentRead: true }));
  return (Item?.completed as string[] | undefined) ?? [];
}

/**
 * Records one more completed step and the closing's status, merging the step's figures into the
 * summary, on condition that the item still holds the steps this run started from (two runs of the
 * same closing cannot both advance it).
 */
export async function completeStep(
  job: ClosingJob,
  done: readonly string[],
  step: string,
  status: 'running' | 'done',
  summary: Readonly<Record<string, number>>,
  now: Date,
): Promise<void> {
  const completed = [...done, step];
  const previous = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keyOf(job), ConsistentRead: true }));
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keyOf(job),
        entity: 'closing-progress',
        gov: job.gov,
        year: job.period.year,
        kind: job.period.kind,
        period: job.period.id,
        completed,
        status,
        summary: { ...((previous.Item?.summary as Record<string, number> | undefined) ?? {}), ...summary },
        updatedAt: now.toISOString(),
      },
      ConditionExpression: done.length === 0 ? 'attribute_not_exists(pk) OR size(completed) = :zero' : 'size(completed) = :n',
      ExpressionAttributeValues: done.length === 0 ? { ':zero': 0 } : { ':n': done.length },
    }),
  );
}

/**
 * A closing that failed before its archive was written: it starts again from its first step, and
 * the status says why it failed.
 */
export async function failClosing(job: ClosingJob, failure: { code: string; detail: string }, now: Date): Promise<void> {
  const previous = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keyOf(job), ConsistentRead: true }));
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keyOf(job),
        entity: 'closing-progress',
        gov: job.gov,
        year: job.period.year,
        kind: job.period.kind,
        period: job.period.id,
        completed: [],
        status: 'failed',
        failure: { code: failure.code, detail: failure.detail.slice(0, 1000) },
        summary: (previous.Item?.summary as Record<string, number> | undefined) ?? {},
        updatedAt: now.toISOString(),
      },
    }),
  );
}

export async function listProgress(gov: string, year: number): Promise<ClosingProgress[]> {
  return (await queryPrefix(settlementPartition(gov, year), 'PROGRESS#')).map((item) => ({
    gov: String(item.gov),
    year: Number(item.year),
    kind: item.kind as ClosingKind,
    period: String(item.period),
    completed: (item.completed as string[]) ?? [],
    status: item.status as ClosingProgress['status'],
    failure: item.failure as ClosingProgress['failure'],
    summary: (item.summary as Record<string, number>) ?? {},
    updatedAt: String(item.updatedAt),
  }));
}
