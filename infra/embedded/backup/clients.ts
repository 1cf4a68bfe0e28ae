import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Endpoints } from '#infra/embedded/engines.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/embedded/provision.ts';

export interface EngineClients {
  readonly dynamo: DynamoDBClient;
  readonly sqs: SQSClient;
  readonly s3: S3Client;
  destroy(): void;
}

/** Clients of the embedded engines (their local key), for the backup and the restore. */
export function engineClients(endpoints: Endpoints): EngineClients {
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  const sqs = new SQSClient({ ...common, endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false });
  const s3 = new S3Client({ ...common, endpoint: endpoints.s3, forcePathStyle: true });
  return {
    dynamo,
    sqs,
    s3,
    destroy() {
      dynamo.destroy();
      sqs.destroy();
      s3.destroy();
    },
  };
}
