import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { queues } from '#shared/resources.ts';
import { leaseKey } from '#shared/stores/settlement/keys.ts';

/**
 * How long a closing's lease lasts: the settlement queue's visibility timeout, which is also the
 * longest a consumer may run (Lambda's timeout must not exceed it). A run that died without
 * releasing its lease is redelivered after this time and may take the lease again.
 */
export const CLOSING_LEASE_SECONDS = queues.settlement.visibilityTimeoutSeconds;

/**
 * Takes the lease on one government's closing of one period: a conditional put that succeeds when
 * no lease exists, the last one expired, or `owner` holds it already (the same queue message
 * delivered again after its run died). False when another run holds it.
 */
export async function takeClosingLease(job: ClosingJob, owner: string, now: Date): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...leaseKey(job.gov, job.period.year, job.period.kind, job.period.id),
          entity: 'closing-lease',
          owner,
          takenAt: now.toISOString(),
          expiresAt: now.getTime() + CLOSING_LEASE_SECONDS * 1000,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR #owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':now': now.getTime(), ':owner': owner },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Releases the lease if `owner` still holds it (an expired lease another run took is left alone). */
export async function releaseClosingLease(job: ClosingJob, owner: string): Promise<void> {
  try {
    await dynamoClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: leaseKey(job.gov, job.period.year, job.period.kind, job.period.id),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
