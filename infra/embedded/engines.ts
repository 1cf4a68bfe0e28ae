import { join } from 'node:path';
import { startFauxqs } from 'fauxqs';
import { startDynamoEngine } from '#infra/embedded/dynamodb-engine.ts';
import { installFauxqsExtensions } from '#infra/embedded/fauxqs-extensions/index.ts';
import { listeningOn } from '#infra/embedded/fauxqs-extensions/listen-host.ts';

export interface Endpoints {
  readonly dynamodb: string;
  readonly sqs: string;
  readonly s3: string;
}

export interface EngineOptions {
  /** Persist under this directory (dynamodb/ and aws/ below it); in memory when omitted. */
  readonly dataDir?: string;
  /** Interface to bind; 127.0.0.1 unless given. The engines never listen on all interfaces by default. */
  readonly host?: string;
  /** 0 (default) picks free ports. */
  readonly dynamoPort?: number;
  readonly awsPort?: number;
  /** Serve the bench's seeding door on the DynamoDB endpoint (infra/embedded/bulk-load.ts). */
  readonly bulkLoad?: boolean;
}

/** A message as the SQS engine holds it, whatever its state (ready, delayed or received and in flight). */
export interface HeldMessage {
  readonly body: string;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
  readonly messageAttributes: Readonly<Record<string, unknown>>;
  readonly state: 'ready' | 'delayed' | 'in-flight';
}

export interface Engines {
  readonly endpoints: Endpoints;
  stop(): Promise<void>;
}

/**
 * Starts the embedded AWS-compatible engines in this process: dynalite with the project's
 * transactions extension (DynamoDB API) and fauxqs (SQS and S3 on one endpoint) with the project's
 * extensions (FIFO receive batching).
 */
export async function startEngines(options: EngineOptions = {}): Promise<InProcessEngines> {
  await installFauxqsExtensions();
  const host = options.host ?? '127.0.0.1';
  const dynamo = await startDynamoEngine({
    host,
    port: options.dynamoPort ?? 0,
    ...(options.bulkLoad ? { bulkLoad: true } : {}),
    ...(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {}),
  });
  let aws: Awaited<ReturnType<typeof startFauxqs>>;
  try {
    aws = await listeningOn(host, () =>
      startFauxqs({
        host,
        port: options.awsPort ?? 0,
        logger: false,
        ...(options.dataDir ? { dataDir: join(options.dataDir, 'aws') } : {}),
      }),
    );
  } catch (error) {
    await dynamo.stop();
    throw portError(error, options.awsPort);
  }
  let stopped: Promise<void> | undefined;
  return {
    endpoints: { dynamodb: dynamo.endpoint, sqs: aws.address, s3: aws.address },
    inspectQueue(name) {
      const queue = aws.inspectQueue(name);
      if (!queue) return undefined;
      const held = (message: (typeof queue.messages.ready)[number], state: HeldMessage['state']): HeldMessage => ({
        body: message.body,
        ...(message.messageGroupId ? { messageGroupId: message.messageGroupId } : {}),
        ...(message.messageDeduplicationId ? { messageDeduplicationId: message.messageDeduplicationId } : {}),
        messageAttributes: message.messageAttributes,
        state,
      });
      return [
        ...queue.messages.inflight.map((entry) => held(entry.message, 'in-flight')),
        ...queue.messages.ready.map((message) => held(message, 'ready')),
        ...queue.messages.delayed.map((message) => held(message, 'delayed')),
      ];
    },
    stop: () => {
      stopped ??= Promise.all([aws.stop(), dynamo.stop()]).then(() => undefined);
      return stopped;
    },
  };
}

/** Engines running in this process, whose queues can be read without receiving. */
export interface InProcessEngines extends Engines {
  /** Every message of a queue without receiving it (a backup reads in-flight messages too); undefined for an unknown queue. */
  inspectQueue(name: string): readonly HeldMessage[] | undefined;
}

function portError(error: unknown, port: number | undefined): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(`SQS/S3 engine: port ${port} is already in use`, { cause: error });
  }
  return error as Error;
}
