import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
 * One UpdateItem on the progress item: its identity, the steps completed so far, the status, and
 * the step's figures merged into `summary` key by key (the map itself is created by a run's first
 * write, whose step — close-period — reports no figures, and is kept by a failure). `failure` is
 * set by a failed run and removed by the next completed step.
 */
function progressUpdate(
  job: ClosingJob,
  state: {
    readonly completed: readonly string[];
    readonly status: ClosingProgress['status'];
    readonly failure?: ClosingProgress['failure'];
    readonly figures: Readonly<Record<string, number>>;
  },
  now: Date,
) {
  const fields: Record<string, unknown> = {
    entity: 'closing-progress',
    gov: job.gov,
    year: job.period.year,
    kind: job.period.kind,
    period: job.period.id,
    completed: [...state.completed],
    status: state.status,
    updatedAt: now.toISOString(),
    ...(state.failure ? { failure: state.failure } : {}),
  };
  const names: Record<string, string> = { '#summary': 'summary' };
  const values: Record<string, unknown> = {};
  const set = Object.entries(fields).map(([field, value], i) => {
    names[`#a${i}`] = field;
    values[`:a${i}`] = value;
    return `#a${i} = :a${i}`;
  });
  const figures = Object.entries(state.figures);
  if (figures.length === 0) {
    set.push('#summary = if_not_exists(#summary, :noFigures)');
    values[':noFigures'] = {};
  }
  figures.forEach(([figure, value], i) => {
    names[`#f${i}`] = figure;
    values[`:f${i}`] = value;
    set.push(`#summary.#f${i} = :f${i}`);
  });
  if (!state.failure) names['#failure'] = 'failure';
  return {
    TableName: tableName(),
    Key: keyOf(job),
    UpdateExpression: `SET ${set.join(', ')}${state.failure ? '' : ' REMOVE #failure'}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
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
  const update = progressUpdate(job, { completed: [...done, step], status, figures: summary }, now);
  await dynamoClient().send(
    new UpdateCommand({
      ...update,
      ConditionExpression: done.length === 0 ? 'attribute_not_exists(pk) OR size(#done) = :n' : 'size(#done) = :n',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#done': 'completed' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':n': done.length },
    }),
  );
}

/**
 * A closing that failed before its archive was written: it starts again from its first step, and
 * the status says why it failed; the figures reported so far stay.
 */
export async function failClosing(job: ClosingJob, failure: { code: string; detail: string }, now: Date): Promise<void> {
  const recorded = { code: failure.code, detail: failure.detail.slice(0, 1000) };
  await dynamoClient().send(
    new UpdateCommand(progressUpdate(job, { completed: [], status: 'failed', failure: recorded, figures: {} }, now)),
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
