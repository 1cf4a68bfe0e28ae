import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A record that is written once: its Put (conditional on the key being absent), the writes that go
 * with it and its audit record, in one transaction. Writing it again changes nothing and answers
 * 'already-written'; any other refusal is an error.
 */
export async function writeOnce(
  record: Record<string, unknown>,
  withIt: readonly TransactItem[],
  audit: TransactItem,
): Promise<'written' | 'already-written'> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...withIt,
          audit,
        ],
      }),
    );
    return 'written';
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'already-written';
    throw error;
  }
}
