import { SQSClient } from '@aws-sdk/client-sqs';
import { onResetClients } from '#shared/clients/reset.ts';
import { region } from '#shared/config/env.ts';

/**
 * The SQS client. The endpoint comes from configuration (AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL),
 * never from the queue URL: on-prem and embedded queue URLs need not name the endpoint to call.
 */
let client: SQSClient | undefined;

export function sqsClient(): SQSClient {
  client ??= new SQSClient({ region: region(), useQueueUrlAsEndpoint: false });
  return client;
}

onResetClients(() => {
  client?.destroy();
  client = undefined;
});
