import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { ballotKey, cycleKey, cyclePartition, proposalKey, votePrefix, voteKey } from '#shared/stores/participation/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

export interface Vote {
  readonly voter: string;
  readonly proposalId: string;
  readonly votedAt: string;
}

/**
 * One vote, exactly once, in one TransactWrite; each named item fails on its own condition:
 *   cycle     the cycle is voting (a close first moves it to counting, so no vote lands after the count);
 *   vote      the vote item does not exist yet (one vote per resident and proposal);
 *   ballot    the resident's ballot stays within the vote limit;
 *   proposal  the proposal is eligible, and its count goes up;
 *   audit     the audit record, whose target is the cycle and not the proposal, so the audit trail
 *             shows that a resident voted but not for what.
 */
export function insertVote(
  gov: string,
  year: number,
  vote: Vote,
  voteLimit: number,
  audit: AuditRecord,
): Promise<TransactOutcome<'cycle' | 'vote' | 'ballot' | 'proposal' | 'audit'>> {
  const { voter, proposalId, votedAt } = vote;
  return transact({
    cycle: {
      ConditionCheck: {
        TableName: tableName(),
        Key: cycleKey(gov, year),
        ConditionExpression: '#state = :voting',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':voting': 'voting' },
      },
    },
    vote: {
      Put: {
        TableName: tableName(),
        Item: { ...voteKey(gov, year, voter, proposalId), entity: 'participation-vote', voter, proposalId, votedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ballot: {
      Update: {
        TableName: tableName(),
        Key: ballotKey(gov, year, voter),
        UpdateExpression: 'SET entity = :entity, voter = :voter ADD votesUsed :one',
        ConditionExpression: 'attribute_not_exists(votesUsed) OR votesUsed < :limit',
        ExpressionAttributeValues: { ':entity': 'participation-ballot', ':voter': voter, ':one': 1, ':limit': voteLimit },
      },
    },
    proposal: {
      Update: {
        TableName: tableName(),
        Key: proposalKey(gov, year, proposalId),
        UpdateExpression: 'ADD votes :one',
        ConditionExpression: '#state = :eligible',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':one': 1, ':eligible': 'eligible' },
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

/** The caller's own votes: the key prefix is their sub, so nobody else's can come back. */
export async function votesOf(gov: string, year: number, voter: string): Promise<{ proposalId: string; votedAt: string }[]> {
  const items = await queryPrefix(cyclePartition(gov, year), votePrefix(gov, year, voter), { ConsistentRead: true });
  return items
    .filter((item) => item.voter === voter)
    .map((item) => ({ proposalId: String(item.proposalId), votedAt: String(item.votedAt) }));
}
