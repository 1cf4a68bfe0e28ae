import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { CountedProposal } from '#shared/domain/participation/result.ts';
import type { ExclusionReason, ProposalState, ReviewOutcome } from '#shared/domain/participation/review.ts';
import { cycleKey, cyclePartition, proposalKey, proposalPrefix, residentProposalsKey } from '#shared/stores/participation/keys.ts';
import { queryAll, queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

export interface ProposalInput {
  readonly title: string;
  readonly description: string;
  readonly estimatedCost: number;
  readonly field: string;
}

/** A stored proposal. `proposer` (the resident's sub) is kept for their own records and never leaves the application layer. */
export interface ProposalRecord extends ProposalInput {
  readonly proposalId: string;
  readonly proposer: string;
  readonly state: ProposalState;
  readonly exclusionReasons: readonly ExclusionReason[];
  readonly reviewNote?: string;
  readonly votes: number;
  readonly submittedAt: string;
}

/** Time-ordered ids: listing a cycle's proposals shows them in submission order. */
export const newProposalId = (at: string): string => `P${Date.parse(at).toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

/**
 * Writes a new proposal in one TransactWrite: the proposal, the cycle's counters (conditional on
 * the cycle taking proposals, so none lands after review started) and the audit record. `cycle`
 * fails when the cycle is no longer open for proposals.
 */
export function insertProposal(
  gov: string,
  year: number,
  record: ProposalRecord,
  audit: AuditRecord,
): Promise<TransactOutcome<'cycle' | 'proposal' | 'audit'>> {
  return transact({
    cycle: {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: 'ADD proposals :one, pendingReview :one',
        ConditionExpression: '#state = :open',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':one': 1, ':open': 'proposals-open' },
      },
    },
    proposal: {
      Put: {
        TableName: tableName(),
        Item: {
          ...proposalKey(gov, year, record.proposalId),
          gsi1pk: residentProposalsKey(gov, year, record.proposer),
          gsi1sk: `PROPOSAL#${record.proposalId}`,
          entity: 'participation-proposal',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

export async function getProposal(gov: string, year: number, proposalId: string): Promise<ProposalRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: proposalKey(gov, year, proposalId), ConsistentRead: true }),
  );
  return Item as ProposalRecord | undefined;
}

export interface Review {
  readonly outcome: ReviewOutcome;
  readonly note?: string | undefined;
  readonly at: string;
}

/**
 * Records the committee's review in one TransactWrite: the proposal's outcome (`proposal` fails
 * when it was reviewed already), the cycle's pending count (`cycle` fails when the cycle is no
 * longer in review) and the audit record.
 */
export function recordReview(
  gov: string,
  year: number,
  proposalId: string,
  review: Review,
  audit: AuditRecord,
): Promise<TransactOutcome<'cycle' | 'proposal' | 'audit'>> {
  const { outcome, note, at } = review;
  return transact({
    cycle: {
      Update: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        UpdateExpression: 'ADD pendingReview :minusOne',
        ConditionExpression: '#state = :review',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':minusOne': -1, ':review': 'review' },
      },
    },
    proposal: {
      Update: {
        TableName: tableName(),
        Key: proposalKey(gov, year, proposalId),
        UpdateExpression: `SET #state = :outcome, exclusionReasons = :reasons, reviewedAt = :at${note ? ', reviewNote = :note' : ''}`,
        ConditionExpression: '#state = :submitted',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':outcome': outcome.state,
          ':reasons': outcome.reasons,
          ':at': at,
          ':submitted': 'submitted',
          ...(note ? { ':note': note } : {}),
        },
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

/** One page of a cycle's proposals in submission order, after the sort key `afterKey`; `lastKey` continues it. */
export async function listProposals(
  gov: string,
  year: number,
  options: { state?: ProposalState | undefined; limit?: number | undefined; afterKey?: string | undefined },
): Promise<{ items: ProposalRecord[]; lastKey?: string }> {
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
      ...(options.afterKey ? { ExclusiveStartKey: { pk: cyclePartition(gov, year), sk: options.afterKey } } : {}),
    }),
  );
  const last = page.LastEvaluatedKey?.sk;
  return { items: (page.Items ?? []) as ProposalRecord[], ...(typeof last === 'string' ? { lastKey: last } : {}) };
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

/** The eligible proposals of a cycle with their votes: what the count ranks. */
export async function eligibleProposals(gov: string, year: number): Promise<CountedProposal[]> {
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
