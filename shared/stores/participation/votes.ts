import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { cycleNotIn, requireCycleState } from '#shared/domain/participation/cycle.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict } from '#shared/domain/refusal.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import { cycleTarget, requireCycle } from '#shared/stores/participation/cycle.ts';
import { ballotKey, cycleKey, cyclePartition, proposalKey, votePrefix, voteKey } from '#shared/stores/participation/keys.ts';
import { requireProposal } from '#shared/stores/participation/proposals.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';

export interface VoteReceipt {
  readonly proposalId: string;
  readonly votedAt: string;
  readonly votesUsed: number;
  readonly voteLimit: number;
}

/**
 * One vote, exactly once, in one TransactWrite:
 *   0 the cycle is voting (a close first moves it to counting, so no vote lands after the count);
 *   1 the vote item does not exist yet (one vote per resident and proposal);
 *   2 the resident's ballot stays within the vote limit;
 *   3 the proposal is eligible, and its count goes up;
 *   4 the audit record, whose target is the cycle and not the proposal, so the audit trail shows
 *     that a resident voted but not for what.
 */
export async function castVote(request: RequestInfo, gov: string, year: number, voter: string, proposalId: string): Promise<VoteReceipt> {
  const cycle = await requireCycle(gov, year);
  requireCycleState(cycle.state, 'voting', 'voting');
  const proposal = await requireProposal(gov, year, proposalId);
  if (proposal.state !== 'eligible') throw notEligible(proposalId, proposal.state);
  const votedAt = request.receivedAt;
  const outcome = await transactList([
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        ConditionExpression: '#state = :voting',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':voting': 'voting' },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...voteKey(gov, year, voter, proposalId), entity: 'participation-vote', voter, proposalId, votedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: ballotKey(gov, year, voter),
        UpdateExpression: 'SET entity = :entity, voter = :voter ADD votesUsed :one',
        ConditionExpression: 'attribute_not_exists(votesUsed) OR votesUsed < :limit',
        ExpressionAttributeValues: { ':entity': 'participation-ballot', ':voter': voter, ':one': 1, ':limit': cycle.voteLimit },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: proposalKey(gov, year, proposalId),
        UpdateExpression: 'ADD votes :one',
        ConditionExpression: '#state = :eligible',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':one': 1, ':eligible': 'eligible' },
      },
    },
    auditPut(tableName(), auditRecord(request, { gov, operation: 'participation.vote', target: cycleTarget(gov, year) })),
  ]);
  if (!outcome.ok) {
    if (outcome.failed.includes(0)) throw cycleNotIn((await requireCycle(gov, year)).state, 'voting', 'voting');
    if (outcome.failed.includes(1))
      throw conflict('already-voted', `you have already voted for proposal ${proposalId}; a resident votes once per proposal`, {
        proposalId,
      });
    if (outcome.failed.includes(2)) {
      throw conflict('vote-limit-reached', `you have cast all ${cycle.voteLimit} votes of this cycle`, {
        rule: 'votes per resident ≤ voteLimit',
        voteLimit: cycle.voteLimit,
      });
    }
    throw notEligible(proposalId, (await requireProposal(gov, year, proposalId)).state);
  }
  const ballot = await votesOf(gov, year, voter);
  return { proposalId, votedAt, votesUsed: ballot.length, voteLimit: cycle.voteLimit };
}

const notEligible = (proposalId: string, state: string) =>
  conflict('proposal-not-eligible', `proposal ${proposalId} is ${state}; only proposals the committee found eligible can be voted for`, {
    state,
  });

/** The caller's own votes: the key prefix is their sub, so nobody else's can come back. */
export async function votesOf(gov: string, year: number, voter: string): Promise<{ proposalId: string; votedAt: string }[]> {
  const items = await queryPrefix(cyclePartition(gov, year), votePrefix(gov, year, voter), { ConsistentRead: true });
  return items
    .filter((item) => item.voter === voter)
    .map((item) => ({ proposalId: String(item.proposalId), votedAt: String(item.votedAt) }));
}
