/**
 * The engine parses a ConditionExpression without attribute names or values once and re-uses the
 * tree: the same text must still be judged against each request's own item, in single-item writes
 * and inside transactions alike, and expressions with values must still see their own values.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoEngine, startDynamoEngine } from '#infra/embedded/dynamodb-engine.ts';
import { dynamoClient } from '#test/conformance/support.ts';

let engine: DynamoEngine;
let db: DynamoDBClient;
const TableName = 'conditions';
const absent = 'attribute_not_exists(pk)';
const put = (pk: string) => new PutItemCommand({ TableName, Item: { pk: { S: pk }, n: { N: '1' } }, ConditionExpression: absent });

beforeAll(async () => {
  engine = await startDynamoEngine();
  db = dynamoClient(engine.endpoint);
  await db.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
});

afterAll(async () => {
  db.destroy();
  await engine.stop();
});

describe('condition expressions re-used across requests', () => {
  it('judges the same plain expression against each item', async () => {
    await db.send(put('a'));
    await db.send(put('b'));
    await expect(db.send(put('a'))).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const transaction = (keys: string[]) =>
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: keys.map((pk) => ({ Put: { TableName, Item: { pk: { S: pk } }, ConditionExpression: absent } })),
        }),
      );
    await transaction(['c', 'd']);
    const refused = await transaction(['e', 'b']).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransactionCanceledException);
    expect((refused as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
  });

  it('evaluates expressions with values against their own values', async () => {
    const update = (limit: string) =>
      db.send(
        new UpdateItemCommand({
          TableName,
          Key: { pk: { S: 'a' } },
          UpdateExpression: 'ADD n :one',
          ConditionExpression: 'n < :limit',
          ExpressionAttributeValues: { ':one': { N: '1' }, ':limit': { N: limit } },
        }),
      );
    await update('2');
    await expect(update('2')).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await update('3');
  });
});
