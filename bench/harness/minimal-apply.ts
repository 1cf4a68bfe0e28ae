import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { tableName } from '#shared/config/env.ts';
import { inParallel } from './concurrency.ts';
import { perSecond } from './stats.ts';

interface MinimalMessage {
  readonly postingId: string;
  readonly gov: string;
  readonly lineId: string;
  readonly command: { readonly amount: number };
  readonly actor: { readonly receivedAt: string };
}

export interface MinimalDrain {
  readonly applied: number;
  readonly ms: number;
  readonly perSecond: number;
  readonly transactions: number;
}

/**
 * The minimal apply baseline of issue #21: `lanes` loops (the poller's concurrency) that each
 * receive a batch of up to 10 from the minimal accept queue, write ONE TransactWrite — one
 * conditional counter update per line of the batch (the batch's sum, as hojo aggregates), one
 * posting record per posting created only if absent, with its journal lines on it (where hojo keeps
 * them) — and delete the batch. No rules, no reads, no framework. Returns once `expected` postings
 * are applied (or `timeoutMs` passes).
 */
export async function drainMinimal(queueUrl: string, expected: number, lanes: number, timeoutMs: number): Promise<MinimalDrain> {
  const table = tableName();
  const started = performance.now();
  let applied = 0;
  let transactions = 0;
  await inParallel(lanes, async () => {
    while (applied < expected && performance.now() - started < timeoutMs) {
      const { Messages = [] } = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      if (Messages.length === 0) continue;
      const postings = Messages.map((m) => JSON.parse(m.Body ?? '{}') as MinimalMessage);
      const byLine = Map.groupBy(postings, (p) => `${p.gov}#${p.lineId}`);
      const decidedAt = new Date().toISOString();
      await dynamoClient().send(
        new TransactWriteCommand({
          TransactItems: [
            ...[...byLine].map(([line, onLine]) => ({
              Update: {
                TableName: table,
                Key: { pk: `MIN#LINE#${line}`, sk: 'CONTROL' },
                UpdateExpression: 'ADD committed :amount',
                ConditionExpression: 'attribute_not_exists(committed) OR committed <= :room',
                ExpressionAttributeValues: {
                  ':amount': onLine.reduce((sum, p) => sum + p.command.amount, 0),
                  ':room': Number.MAX_SAFE_INTEGER / 2,
                },
              },
            })),
            ...postings.map((p) => ({
              Put: {
                TableName: table,
                Item: {
                  pk: `MIN#POSTING#${p.gov}#${p.postingId}`,
                  sk: 'RESULT',
                  status: 'applied',
                  decidedAt,
                  lineId: p.lineId,
                  amount: p.command.amount,
                  journal: [
                    { account: 'commitments', debit: p.command.amount },
                    { account: 'budget', credit: p.command.amount },
                  ],
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          ],
        }),
      );
      transactions += 1;
      await sqsClient().send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      );
      applied += Messages.length;
    }
  });
  const ms = performance.now() - started;
  return { applied, ms, perSecond: perSecond(applied, ms), transactions };
}
