import { S3Client } from '@aws-sdk/client-s3';
import { onResetClients } from '#shared/clients/reset.ts';
import { region } from '#shared/config/env.ts';

/**
 * The S3 client (endpoint from AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL). S3-compatible stores other
 * than AWS (fauxqs, MinIO, Ceph) expect path-style addressing, so a custom endpoint gets it.
 */
let client: S3Client | undefined;

export function s3Client(): S3Client {
  const customEndpoint = Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL);
  client ??= new S3Client({ region: region(), forcePathStyle: customEndpoint });
  return client;
}

onResetClients(() => {
  client?.destroy();
  client = undefined;
});
