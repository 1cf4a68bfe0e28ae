import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { allowedActions, decideCycleTransition, illegalCycleTransition } from '#shared/domain/participation/cycle.ts';
import type { CycleAction, CycleState } from '#shared/domain/participation/cycle.ts';
import { selectWithinCap } from '#shared/domain/participation/selection.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import { cycleKey, cyclePartition, proposalPrefix } from '#shared/stores/participation/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Cycle } from '#shared/schemas/participation.ts';

export interface SelectedProposal {
  readonly rank: number;
  readonly proposalId: string;
  readonly title: string;
  readonly field: string;
  readonly estimatedCost: number;
  readonly votes: number;
}

export interface CycleResult {
  readonly budgetCap: number;
  readonly selectedTotal: number;
  readonly selected: readonly SelectedProposal[];
  readonly closedAt: string;
}

export type CycleRecord = Omit<Cycle, 'allowedActions'> & { readonly result?: CycleResult };

export const cycleTarget = (gov: string, year: number): string => `participation-cycle ${gov}/${year}`;

export const cycleView = (record: CycleRecord): Cycle => {
  const { result: _result, ...cycle } = record;
  return { ...cycle, allowedActions: allowedActions(record.state) };
};

export async function getCycle(gov: string, year: number): Promise<CycleRecord | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: cycleKey(gov, year), ConsistentRead: true }));
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, ...record } = Item;
  return record as CycleRecord;
}

export async function requireCycle(gov: string, year: number): Promise<CycleRecord> {
  const cycle = await getCycle(gov, year);
  if (!cycle) throw notFound('participation-cycle-not-found', `government ${gov} has no participatory budgeting cycle for ${year}`);
  return cycle;
}

export async function createCycle(
  request: RequestInfo,
  gov: string,
  year: number,
  settings: { voteLimit: number; budgetCap: number },
): Promise<CycleRecord> {
  const record: CycleRecord = {
    gov,
    year,
    state: 'proposals-open',
    ...settings,
    proposals: 0,
    pendingReview: 0,
    createdAt: request.receivedAt,
  };
  const outcome = await transactList([
    {
      Put: {
        TableName: tableName(),
        Item: { ...cycleKey(gov, year), entity: 'participation-cycle', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(tableName(), auditRecord(request, { gov, operation: 'participation.cycle.create', target: cycleTarget(gov, year) })),
  ]);
  if (!outcome.ok)
    throw conflict('participation-cycle-exists', `government ${gov} already has a participatory budgeting cycle for ${year}`);
  return record;
}

/**
 * Takes a cycle action. Each state change is one TransactWrite with its audit record, conditional
 * on the state it was decided from. `close` is two of them: voting → counting stops the votes (a
 * vote's own write checks the state), then the result is computed from the settled counts and
 * published with counting → closed.
 */
export async function transitionCycle(request: RequestInfo, gov: string, year: number, action: CycleAction): Promise<CycleRecord> {
  let cycle = await requireCycle(gov, year);
  const transition = decideCycleTransition(cycle.state, action);
  if (action !== 'close') return changeState(request, cycle, transition.to, action);
  if (cycle.state === 'voting') cycle = await changeState(request, cycle, 'counting', 'stop-voting');
  const selection = selectWithinCap(await eligibleProposals(gov, year), cycle.budgetCap);
  const result: CycleResult = {
    budgetCap: selection.budgetCap,
    selectedTotal: selection.selectedTotal,
    selected: selection.selected.map(({ rank, proposalId, title, field, estimatedCost, votes }) => ({
      rank,
      proposalId,
      title,
      field,
      estimatedCost,
      votes,
    })),
    closedAt: request.receivedAt,
  };
  return changeState(request, cycle, 'closed', action, result);
}

async function changeState(
  request: RequestInfo,
  cycle: CycleRecord,
  to: CycleState,
  operation: string,
  result?: CycleResult,
): Promise<CycleRecord> {
  const { gov, year } = cycle;
  const needsReviewDone = to === 'voting';
  const outcome = await transactList([
    {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: result ? 'SET #state = :to, #result = :result' : 'SET #state = :to',
        ConditionExpression: needsReviewDone ? '#state = :from AND pendingReview = :zero' : '#state = :from',
        ExpressionAttributeNames: { '#state': 'state', ...(result ? { '#result': 'result' } : {}) },
        ExpressionAttributeValues: {
          ':to': to,
          ':from': cycle.state,
          ...(result ? { ':result': result } : {}),
          ...(needsReviewDone ? { ':zero': 0 } : {}),
        },
      },
    },
    auditPut(tableName(), auditRecord(request, { gov, operation: `participation.cycle.${operation}`, target: cycleTarget(gov, year) })),
  ]);
  if (!outcome.ok) {
    const current = await requireCycle(gov, year);
    if (current.state === cycle.state && needsReviewDone) {
      throw conflict(
        'proposals-unreviewed',
        `${current.pendingReview} proposal(s) still wait for the committee's review; voting opens when every proposal is reviewed`,
        {
          rule: 'no proposal pending review when voting opens',
          pendingReview: current.pendingReview,
        },
      );
    }
    throw illegalCycleTransition(current.state, operation === 'stop-voting' ? 'close' : (operation as CycleAction));
  }
  return { ...cycle, state: to, ...(result ? { result } : {}) };
}

interface EligibleProposal {
  readonly proposalId: string;
  readonly title: string;
  readonly field: string;
  readonly estimatedCost: number;
  readonly votes: number;
}

async function eligibleProposals(gov: string, year: number): Promise<EligibleProposal[]> {
  const items = await queryPrefix(cyclePartition(gov, year), proposalPrefix, {
    FilterExpression: '#state = :eligible',
    ProjectionExpression: 'proposalId, title, #field, estimatedCost, votes',
    ExpressionAttributeNames: { '#state': 'state', '#field': 'field' },
    ExpressionAttributeValues: { ':eligible': 'eligible' },
    ConsistentRead: true,
  });
  return items.map((item) => ({
    proposalId: String(item.proposalId),
    title: String(item.title),
    field: String(item.field),
    estimatedCost: Number(item.estimatedCost),
    votes: Number(item.votes ?? 0),
  }));
}
