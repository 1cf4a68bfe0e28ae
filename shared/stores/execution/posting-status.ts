import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { postingPartition } from '#shared/stores/execution/posting-keys.ts';

export interface PostingStatus {
  readonly postingId: string;
  readonly gov: string;
  readonly year: number;
  readonly kind: string;
  readonly status: 'queued' | 'applied' | 'rejected';
  readonly acceptedAt: string;
  readonly decidedAt?: string;
  readonly amount?: number;
  readonly reason?: { rule: string; detail: string; context: Record<string, unknown> };
  readonly journal?: JournalEntry;
  readonly reverses?: string;
  readonly reversedBy?: string;
}

/** A posting's request, result and reversal marker: one Query of its partition. */
export async function readPostingStatus(gov: string, postingId: string): Promise<PostingStatus | undefined> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': postingPartition(gov, postingId) },
      ConsistentRead: true,
    }),
  );
  const bySk = new Map(Items.map((item) => [String(item.sk), item]));
  const request = bySk.get('REQUEST');
  if (!request) return undefined;
  const result = bySk.get('RESULT');
  const reversal = bySk.get('REVERSAL');
  return {
    postingId,
    gov,
    year: Number(request.year),
    kind: String(request.kind),
    status: result ? (result.status as 'applied' | 'rejected') : 'queued',
    acceptedAt: String((request.actor as { receivedAt: string }).receivedAt),
    ...(result ? { decidedAt: String(result.decidedAt) } : {}),
    ...(result?.amount !== undefined ? { amount: Number(result.amount) } : {}),
    ...(result?.reason ? { reason: result.reason as PostingStatus['reason'] } : {}),
    ...(result?.journal ? { journal: result.journal as JournalEntry } : {}),
    ...(result?.reverses ? { reverses: String(result.reverses) } : {}),
    ...(reversal ? { reversedBy: String(reversal.correctionId) } : {}),
  };
}
