import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { handler } from '#functions/settlement/run-closing.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { listProgress } from '#shared/stores/settlement/progress.ts';
import { meterDynamo } from './dynamo-usage.ts';

export interface ClosingMeasurement {
  readonly ms: number;
  readonly failed: boolean;
  /** Items the DynamoDB engine read for the whole job (ScannedCount of queries, items of gets). */
  readonly itemsRead: number;
  /** Items the closing itself counts as its inputs (its ClosingItemsRead metric). */
  readonly inputItems: number;
  readonly requests: Readonly<Record<string, number>>;
  readonly s3ObjectsWritten: number;
  readonly status: string;
  readonly differences: number;
}

/**
 * The year-end closing of one government as Lambda runs it: the settlement queue's consumer
 * (functions/settlement/run-closing.ts) invoked with an SQS event carrying the closing message,
 * its DynamoDB and S3 requests metered on the shared clients.
 */
export async function measureYearClosing(gov: string, year: number): Promise<ClosingMeasurement> {
  const dynamo = meterDynamo(dynamoClient());
  const s3 = countPuts(s3Client());
  const started = performance.now();
  let result: Awaited<ReturnType<typeof handler>>;
  try {
    result = await handler(closingEvent(gov, year));
  } finally {
    dynamo.detach();
    s3.detach();
  }
  const ms = performance.now() - started;
  const progress = (await listProgress(gov, year)).find((p) => p.kind === 'year-end' && p.period === String(year));
  return {
    ms: Math.round(ms),
    failed: result.batchItemFailures.length > 0,
    itemsRead: dynamo.usage.itemsRead,
    inputItems: progress?.summary.itemsRead ?? Number.NaN,
    requests: dynamo.usage.requests,
    s3ObjectsWritten: s3.puts(),
    status: progress?.status ?? 'missing',
    differences: progress?.summary.differences ?? Number.NaN,
  };
}

function closingEvent(gov: string, year: number): SQSEvent {
  return {
    Records: [
      {
        messageId: `bench-close-${gov}-${year}`,
        receiptHandle: 'bench',
        // A seeded year closed at once, as a data migration would: backfill (its days and months were never closed).
        body: JSON.stringify({ gov, kind: 'year-end', period: String(year), backfill: true }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'bench',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-northeast-2:000000000000:hojo-settlement',
        awsRegion: 'ap-northeast-2',
      },
    ],
  };
}

const NAME = 'benchS3Puts';

function countPuts(client: S3Client): { puts(): number; detach(): void } {
  let puts = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') puts += 1;
      return next(args);
    },
    { step: 'initialize', name: NAME },
  );
  return { puts: () => puts, detach: () => void client.middlewareStack.remove(NAME) };
}
