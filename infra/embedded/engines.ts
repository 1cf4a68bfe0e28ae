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
export async function startEngines(options: EngineOptions = {}): Promise<Engines> {
  await installFauxqsExtensions();
  const host = options.host ?? '127.0.0.1';
  const dynamo = await startDynamoEngine({
    host,
    port: options.dynamoPort ?? 0,
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
    stop: () => {
      stopped ??= Promise.all([aws.stop(), dynamo.stop()]).then(() => undefined);
      return stopped;
    },
  };
}

function portError(error: unknown, port: number | undefined): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(`SQS/S3 engine: port ${port} is already in use`, { cause: error });
  }
  return error as Error;
}
