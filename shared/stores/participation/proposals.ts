import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { nameOfField } from '#shared/domain/budget/classification.ts';
import { cycleNotIn, requireCycleState } from '#shared/domain/participation/cycle.ts';
import { reviewOutcome } from '#shared/domain/participation/review.ts';
import type { ExclusionReason, ProposalState, ReviewFindings } from '#shared/domain/participation/review.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, invalid, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import { requireCycle } from '#shared/stores/participation/cycle.ts';
import { cycleKey, cyclePartition, proposalKey, proposalPrefix, residentProposalsKey } from '#shared/stores/participation/keys.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import type { PublicProposal } from '#shared/schemas/participation.ts';

export interface ProposalInput {
  readonly title: string;
  readonly description: string;
  readonly estimatedCost: number;
  readonly field: string;
}

/** A stored proposal. `proposer` (the resident's sub) is kept for their own records and never leaves the repository. */
interface ProposalRecord extends ProposalInput {
  readonly proposalId: string;
  readonly proposer: string;
  readonly state: ProposalState;
  readonly exclusionReasons: readonly ExclusionReason[];
  readonly reviewNote?: string;
  readonly votes: number;
  readonly submittedAt: string;
}

/** Time-ordered ids: listing a cycle's proposals shows them in submission order. */
const newProposalId = (at: string): string => `P${Date.parse(at).toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

export const publicView = (record: ProposalRecord, showVotes: boolean): PublicProposal => ({
  proposalId: record.proposalId,
  title: record.title,
  description: record.description,
  estimatedCost: record.estimatedCost,
  field: record.field,
  fieldName: nameOfField(record.field),
  state: record.state,
  exclusionReasons: [...record.exclusionReasons],
  ...(record.reviewNote === undefined ? {} : { reviewNote: record.reviewNote }),
  ...(showVotes ? { votes: record.votes } : {}),
  submittedAt: record.submittedAt,
});

/**
 * A resident's proposal, while proposals are open. One TransactWrite: the proposal, the cycle's
 * counters (conditional on the state, so a proposal never lands after review started) and the audit
 * record. A proposal that alone costs more than the cycle's budget cap could never be selected.
 */
export async function submitProposal(
  request: RequestInfo,
  gov: string,
  year: number,
  proposer: string,
  input: ProposalInput,
): Promise<ProposalRecord> {
  const cycle = await requireCycle(gov, year);
  requireCycleState(cycle.state, 'proposals-open', 'submitting a proposal');
  if (input.estimatedCost > cycle.budgetCap) {
    throw unprocessable(
      'proposal-exceeds-cap',
      `the estimated cost ${input.estimatedCost} exceeds the cycle's budget cap ${cycle.budgetCap}`,
      {
        rule: 'estimatedCost ≤ budgetCap',
        estimatedCost: input.estimatedCost,
        budgetCap: cycle.budgetCap,
      },
    );
  }
  const proposalId = newProposalId(request.receivedAt);
  const record: ProposalRecord = {
    ...input,
    proposalId,
    proposer,
    state: 'submitted',
    exclusionReasons: [],
    votes: 0,
    submittedAt: request.receivedAt,
  };
  const outcome = await transactList([
    {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: 'ADD proposals :one, pendingReview :one',
        ConditionExpression: '#state = :open',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':one': 1, ':open': 'proposals-open' },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...proposalKey(gov, year, proposalId),
          gsi1pk: residentProposalsKey(gov, year, proposer),
          gsi1sk: `PROPOSAL#${proposalId}`,
          entity: 'participation-proposal',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(
      tableName(),
      auditRecord(request, {
        gov,
        operation: 'participation.proposal.submit',
        target: `participation-proposal ${gov}/${year}/${proposalId}`,
      }),
    ),
  ]);
  if (!outcome.ok) throw cycleNotIn((await requireCycle(gov, year)).state, 'proposals-open', 'submitting a proposal');
  return record;
}

export async function getProposal(gov: string, year: number, proposalId: string): Promise<ProposalRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: proposalKey(gov, year, proposalId), ConsistentRead: true }),
  );
  return Item as ProposalRecord | undefined;
}

export async function requireProposal(gov: string, year: number, proposalId: string): Promise<ProposalRecord> {
  const proposal = await getProposal(gov, year, proposalId);
  if (!proposal) throw notFound('proposal-not-found', `the ${year} cycle of government ${gov} has no proposal ${proposalId}`);
  return proposal;
}

/**
 * The committee's review of a submitted proposal, while the cycle is in review. One TransactWrite:
 * the proposal's outcome (conditional on it being unreviewed), the cycle's pending count (conditional
 * on the state) and the audit record.
 */
export async function reviewProposal(
  request: RequestInfo,
  gov: string,
  year: number,
  proposalId: string,
  findings: ReviewFindings & { note?: string },
): Promise<ProposalRecord> {
  const cycle = await requireCycle(gov, year);
  requireCycleState(cycle.state, 'review', 'reviewing a proposal');
  const proposal = await requireProposal(gov, year, proposalId);
  if (proposal.state !== 'submitted') throw alreadyReviewed(proposal);
  const outcome = reviewOutcome(findings);
  const reviewed: ProposalRecord = {
    ...proposal,
    state: outcome.state,
    exclusionReasons: outcome.reasons,
    ...(findings.note ? { reviewNote: findings.note } : {}),
  };
  const result = await transactList([
    {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: 'ADD pendingReview :minusOne',
        ConditionExpression: '#state = :review',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':minusOne': -1, ':review': 'review' },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: proposalKey(gov, year, proposalId),
        UpdateExpression: `SET #state = :outcome, exclusionReasons = :reasons, reviewedAt = :at${findings.note ? ', reviewNote = :note' : ''}`,
        ConditionExpression: '#state = :submitted',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':outcome': outcome.state,
          ':reasons': outcome.reasons,
          ':at': request.receivedAt,
          ':submitted': 'submitted',
          ...(findings.note ? { ':note': findings.note } : {}),
        },
      },
    },
    auditPut(
      tableName(),
      auditRecord(request, {
        gov,
        operation: 'participation.proposal.review',
        target: `participation-proposal ${gov}/${year}/${proposalId}`,
      }),
    ),
  ]);
  if (!result.ok) {
    if (result.failed.includes(1)) throw alreadyReviewed(await requireProposal(gov, year, proposalId));
    throw cycleNotIn((await requireCycle(gov, year)).state, 'review', 'reviewing a proposal');
  }
  return reviewed;
}

const alreadyReviewed = (proposal: ProposalRecord) =>
  conflict('proposal-already-reviewed', `proposal ${proposal.proposalId} was already reviewed (${proposal.state})`, {
    state: proposal.state,
  });

/** One page of a cycle's proposals in submission order; the cursor is the last sort key, base64url. */
export async function listProposals(
  gov: string,
  year: number,
  options: { state?: ProposalState; limit?: number; cursor?: string },
): Promise<{ items: ProposalRecord[]; cursor?: string }> {
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(options.state ? { FilterExpression: '#state = :state', ExpressionAttributeNames: { '#state': 'state' } } : {}),
      ExpressionAttributeValues: {
        ':pk': cyclePartition(gov, year),
        ':prefix': proposalPrefix,
        ...(options.state ? { ':state': options.state } : {}),
      },
      Limit: options.limit ?? 50,
      ...(options.cursor ? { ExclusiveStartKey: { pk: cyclePartition(gov, year), sk: decodeCursor(options.cursor) } } : {}),
    }),
  );
  const last = page.LastEvaluatedKey?.sk;
  return {
    items: (page.Items ?? []) as ProposalRecord[],
    ...(typeof last === 'string' ? { cursor: Buffer.from(last).toString('base64url') } : {}),
  };
}

function decodeCursor(cursor: string): string {
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!sk.startsWith(proposalPrefix)) throw invalid('invalid-cursor', 'the cursor is not one this listing returned');
  return sk;
}

/** The caller's own proposals: the index key is their sub, so nobody else's can come back. */
export async function proposalsOf(gov: string, year: number, proposer: string): Promise<ProposalRecord[]> {
  const items = (await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': residentProposalsKey(gov, year, proposer) },
  })) as ProposalRecord[];
  return items.filter((item) => item.proposer === proposer);
}
