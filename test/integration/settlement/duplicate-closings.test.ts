/**
 * Issue #18: two runtimes that both run the schedules (an operator forgot --no-schedules) fire the
 * same closing twice; the settlement queue then holds two messages per government, and two
 * consumers may run them at once. The closing's lease makes that one closing per government: one
 * archive set, one progress, nothing failed.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { handler as runClosingHandler } from '#functions/settlement/run-closing.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { bucketName, queueUrl, tableName } from '#shared/config/env.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { leaseKey, progressKey } from '#shared/stores/settlement/keys.ts';
import { credit, debit, entry, post, seedAccount, seedLine, startClosing } from '#test/integration/settlement/fixture.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const YEAR = 2025;
const GOVS = ['11110', '11140', '11170'];

const metricLines: Record<string, unknown>[] = [];
const emf = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
  if (typeof line === 'string' && line.includes('"_aws"')) metricLines.push(JSON.parse(line) as Record<string, unknown>);
});
afterAll(() => emf.mockRestore());
const metricCount = (name: string) => metricLines.filter((l) => name in l).length;

const item = async (key: { pk: string; sk: string }) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;

/** Every message on the settlement queue, received once (as two consumers between them would). */
async function receiveAll(): Promise<{ MessageId?: string; Body?: string }[]> {
  const all: { MessageId?: string; Body?: string }[] = [];
  for (;;) {
    const { Messages } = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl('settlement'), MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (!Messages || Messages.length === 0) return all;
    all.push(...Messages);
  }
}

const eventOf = (message: { MessageId?: string; Body?: string }) =>
  ({
    Records: [
      {
        messageId: message.MessageId ?? '',
        receiptHandle: 'r',
        body: message.Body ?? '',
        attributes: {},
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-northeast-2:000000000000:hojo-settlement',
        awsRegion: 'ap-northeast-2',
      },
    ],
  }) as unknown as SQSEvent;

describe('the same closing fired by two runtimes', () => {
  it('closes each government once: one archive set, one progress, nothing failed', async () => {
    for (const gov of GOVS) {
      await seedAccount(gov, 'GEN', 'general');
      await seedLine(gov, YEAR, { lineId: 'E.1', kind: 'expenditure', fund: 'GEN', budget: 1_000_000 });
      await post(gov, YEAR, entry('2025-01-15', 'GEN', debit('5202', 40_000), credit('1101', 40_000)));
    }
    // Both runtimes' schedulers fire the monthly closing of January.
    const detail = { kind: 'monthly', period: '2025-01', govs: GOVS, backfill: true };
    await Promise.all([startClosing(detail), startClosing(detail)]);
    const messages = await receiveAll();
    expect(messages.length).toBe(2 * GOVS.length);

    // Both runtimes' consumers run every message at once.
    const results = await Promise.all(messages.map((message) => runClosingHandler(eventOf(message))));
    expect(results.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(metricCount('ClosingsFailed')).toBe(0);
    expect(metricCount('ArchiveConflicts')).toBe(0);
    expect(metricCount('ClosingsCompleted')).toBe(GOVS.length);

    for (const gov of GOVS) {
      const progress = await item(progressKey(gov, YEAR, 'monthly', '2025-01'));
      expect(progress).toMatchObject({
        status: 'done',
        completed: ['close-period', 'archive-reports', 'reconcile'],
      });
      expect(await item(closingKey(gov, YEAR, 'MONTH#2025-01'))).toMatchObject({ entity: 'closed-period' });
      expect(await item(leaseKey(gov, YEAR, 'monthly', '2025-01'))).toBeUndefined();
      // The archive is write-once (Object Lock): a second run writing it would have failed above.
      // The one run that wrote it counted every report it wrote.
      const { Contents = [] } = await s3Client().send(
        new ListObjectsV2Command({ Bucket: bucketName('archive'), Prefix: `${YEAR}/${gov}/` }),
      );
      const reports = new Set(Contents.map((c) => (c.Key ?? '').split('/')[2]));
      expect(reports.size).toBeGreaterThan(0);
      expect(progress?.summary?.reportsWritten).toBe(reports.size);
    }
  });
});
