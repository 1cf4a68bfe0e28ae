import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { region } from '#shared/config/env.ts';

/**
 * Every AWS client of the project is built here. Endpoints come from the SDK's standard variables
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB, _SQS, _S3), which the SDK reads itself, so the same
 * code reaches AWS, the embedded stack, LocalStack or an on-prem endpoint.
 */

let dynamo: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let s3: S3Client | undefined;

export function dynamoClient(): DynamoDBDocumentClient {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region: region() }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return dynamo;
}

/**
 * The endpoint comes from configuration, never from the queue URL: on-prem and embedded queue URLs
 * need not name the endpoint the SDK should call.
 */
export function sqsClient(): SQSClient {
  sqs ??= new SQSClient({ region: region(), useQueueUrlAsEndpoint: false });
  return sqs;
}

/** S3-compatible stores other than AWS (fauxqs, MinIO, Ceph) expect path-style addressing. */
export function s3Client(): S3Client {
  const customEndpoint = Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL);
  s3 ??= new S3Client({ region: region(), forcePathStyle: customEndpoint });
  return s3;
}

/** Forget the clients, so the next call builds them from the current environment. */
export function resetClients(): void {
  dynamo?.destroy();
  sqs?.destroy();
  s3?.destroy();
  dynamo = sqs = s3 = undefined;
}
