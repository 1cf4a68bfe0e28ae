import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { allotmentBreach, allotmentReversalBreach } from '#shared/domain/budget/allotment.ts';
import type { LimitBreach } from '#shared/domain/budget/allotment.ts';
import { controlsSyncing } from '#shared/domain/budget/problems.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import type { StoredLineControl } from '#shared/stores/budget/controls.ts';
import { allotmentId, allotmentKey, allotmentPartition, parseAllotmentId, yearKey } from '#shared/stores/budget/keys.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import type { ProblemCode } from '#shared/domain/problem-codes.ts';

export interface Allotment {
  readonly allotmentId: string;
  readonly gov: string;
  readonly year: number;
  readonly lineId: string;
  readonly quarter: number;
  /** Negative for a reversal. */
  readonly amount: number;
  readonly kind: 'regular' | 'early' | 'reversal';
  readonly reference: string;
  readonly reverses: string | null;
  readonly reversedBy: string | null;
  /** Why a reversal was made; null on an original posting. */
  readonly reason: string | null;
  readonly at: string;
  readonly subject: string;
  readonly allotted: number;
  readonly budget: number;
}

export interface AllotmentRequest {
  readonly lineId: string;
  readonly quarter: number;
  readonly amount: number;
  readonly kind: 'regular' | 'early';
  readonly reference: string;
}

/** A reversal's key is its original's key plus this suffix, so an allotment is reversed at most once. */
const REVERSAL_SUFFIX = '~R';
/** Concurrent postings on one line move `allotted`; a posting computed from a stale value retries. */
const ATTEMPTS = 5;

/**
 * Releases part of a final line's budget (예산배정): one TransactWrite raises `allotted` on the
 * control item under the condition that it still holds the values the limit was checked against
 * (allotted + amount ≤ budget), stores the posting (once per line and reference) and the audit record.
 */
export async function allot(
  request: RequestInfo,
  gov: string,
  year: number,
  input: AllotmentRequest,
): Promise<{ allotment: Allotment; replay: boolean }> {
  const id = allotmentId(input.lineId, input.reference);
  if (await getPosting(gov, year, input.lineId, input.reference))
    return { allotment: await replayOrConflict(gov, year, input), replay: true };
  for (let attempt = 1; ; attempt += 1) {
    const control = await requireControl(gov, year, input.lineId);
    const breach = allotmentBreach(control, input.amount);
    if (breach) throw limitProblem('allotment-exceeds-budget', input.lineId, breach);
    const allotment: Allotment = {
      allotmentId: id,
      gov,
      year,
      ...input,
      reverses: null,
      reversedBy: null,
      reason: null,
      at: request.receivedAt,
      subject: request.caller?.sub ?? 'anonymous',
      allotted: control.allotted + input.amount,
      budget: control.budget,
    };
    const outcome = await transactList([
      moveAllotted(gov, year, control, input.amount),
      putPosting(gov, year, input.lineId, input.reference, allotment),
      notSyncing(gov, year),
      auditPut(tableName(), auditRecord(request, { gov, operation: 'allot', target: `allotment ${gov}/${year}/${id}` })),
    ]);
    if (outcome.ok) return { allotment, replay: false };
    if (outcome.failed.includes(1)) return { allotment: await replayOrConflict(gov, year, input), replay: true };
    if (outcome.failed.includes(2)) throw controlsSyncing(gov, year);
    if (attempt === ATTEMPTS) throw conflict('allotment-contention', `line ${input.lineId} changed during ${ATTEMPTS} attempts; retry`);
  }
}

/** Takes an allotment back with a reversal posting that references it; the original stays as it was. */
export async function reverseAllotment(
  request: RequestInfo,
  gov: string,
  year: number,
  originalId: string,
  reference: string,
  reason: string,
): Promise<Allotment> {
  const parsed = parseAllotmentId(originalId);
  const original = parsed ? await getPosting(gov, year, parsed.lineId, parsed.reference) : undefined;
  if (!parsed || !original) throw notFound('allotment-not-found', `no allotment ${originalId} in ${gov}/${year}`);
  if (original.kind === 'reversal') throw unprocessable('reversal-of-reversal', `${originalId} is itself a reversal`);
  const reversalReference = `${parsed.reference}${REVERSAL_SUFFIX}`;
  for (let attempt = 1; ; attempt += 1) {
    const control = await requireControl(gov, year, parsed.lineId);
    const breach = allotmentReversalBreach(control, original.amount);
    if (breach) throw limitProblem('reversal-below-committed', parsed.lineId, breach);
    const reversal: Allotment = {
      ...original,
      allotmentId: `${originalId}${REVERSAL_SUFFIX}`,
      amount: -original.amount,
      kind: 'reversal',
      reference,
      reverses: originalId,
      reason,
      reversedBy: null,
      at: request.receivedAt,
      subject: request.caller?.sub ?? 'anonymous',
      allotted: control.allotted - original.amount,
      budget: control.budget,
    };
    const outcome = await transactList([
      moveAllotted(gov, year, control, -original.amount),
      putPosting(gov, year, parsed.lineId, reversalReference, reversal),
      notSyncing(gov, year),
      auditPut(tableName(), auditRecord(request, { gov, operation: 'reverseAllotment', target: `allotment ${gov}/${year}/${originalId}` })),
    ]);
    if (outcome.ok) return reversal;
    if (outcome.failed.includes(1))
      throw conflict('already-reversed', `allotment ${originalId} is already reversed`, { reversedBy: reversal.allotmentId });
    if (outcome.failed.includes(2)) throw controlsSyncing(gov, year);
    if (attempt === ATTEMPTS) throw conflict('allotment-contention', `line ${parsed.lineId} changed during ${ATTEMPTS} attempts; retry`);
  }
}

/** All postings of a line, oldest reference first, each original marked with its reversal. */
export async function lineAllotments(gov: string, year: number, lineId: string): Promise<Allotment[]> {
  const { Items } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': allotmentPartition(gov, year), ':prefix': `${lineId}#` },
      ConsistentRead: true,
    }),
  );
  const postings = (Items ?? []).map(toAllotment);
  const reversals = new Map(postings.filter((p) => p.reverses).map((p) => [p.reverses, p.allotmentId]));
  return postings.map((p) => ({ ...p, reversedBy: reversals.get(p.allotmentId) ?? null })).sort((a, b) => a.at.localeCompare(b.at));
}

async function requireControl(gov: string, year: number, lineId: string): Promise<StoredLineControl> {
  const control = await getLineControl(gov, year, lineId);
  if (!control) throw notFound('line-not-controlled', `line ${lineId} has no final (or provisional) ${year} budget in ${gov}`);
  if (control.kind !== 'expenditure')
    throw unprocessable('not-an-expenditure-line', `line ${lineId} is a revenue line; only spending is allotted`);
  return control;
}

/** Moves `allotted` only if the numbers its limit was checked against are unchanged. */
const moveAllotted = (gov: string, year: number, control: StoredLineControl, delta: number) => {
  const guard =
    delta > 0 ? { budget: control.budget, allotted: control.allotted } : { allotted: control.allotted, committed: control.committed };
  return {
    Update: {
      TableName: tableName(),
      Key: lineControlKey(gov, year, control.lineId),
      UpdateExpression: 'SET allotted = allotted + :delta',
      ConditionExpression: Object.keys(guard)
        .map((name) => `${name} = :${name}`)
        .join(' AND '),
      ExpressionAttributeValues: {
        ':delta': delta,
        ...Object.fromEntries(Object.entries(guard).map(([name, value]) => [`:${name}`, value])),
      },
    },
  };
};

const putPosting = (gov: string, year: number, lineId: string, reference: string, allotment: Allotment) => {
  const { reversedBy: _computed, ...stored } = allotment;
  return {
    Put: {
      TableName: tableName(),
      Item: { ...allotmentKey(gov, year, lineId, reference), entity: 'allotment', ...stored },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

const notSyncing = (gov: string, year: number) => ({
  ConditionCheck: { TableName: tableName(), Key: yearKey(gov, year), ConditionExpression: 'attribute_not_exists(syncing)' },
});

async function getPosting(gov: string, year: number, lineId: string, reference: string): Promise<Allotment | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: allotmentKey(gov, year, lineId, reference), ConsistentRead: true }),
  );
  return Item ? toAllotment(Item) : undefined;
}

/** The same reference twice is the same posting (idempotent replay) if everything else matches too. */
async function replayOrConflict(gov: string, year: number, input: AllotmentRequest): Promise<Allotment> {
  const existing = await getPosting(gov, year, input.lineId, input.reference);
  if (existing && existing.amount === input.amount && existing.quarter === input.quarter && existing.kind === input.kind) return existing;
  throw conflict('reference-used', `reference ${input.reference} is already used by another allotment of line ${input.lineId}`, {
    allotmentId: allotmentId(input.lineId, input.reference),
  });
}

const limitProblem = (code: ProblemCode, lineId: string, breach: LimitBreach): Refused =>
  unprocessable(code, `line ${lineId}: ${breach.rule} would not hold (requested ${breach.requested}, available ${breach.available})`, {
    lineId,
    ...breach,
  });

function toAllotment(item: Record<string, unknown>): Allotment {
  const { pk: _pk, sk: _sk, entity: _entity, ...rest } = item;
  return { reversedBy: null, ...(rest as Omit<Allotment, 'reversedBy'>) };
}
