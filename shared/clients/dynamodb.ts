import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { onResetClients } from '#shared/clients/reset.ts';
import { region } from '#shared/config/env.ts';

/**
 * The DynamoDB document client. Endpoints come from the SDK's standard variables
 * (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL), which the SDK reads itself, so the same code
 * reaches AWS, the embedded stack, LocalStack or an on-prem endpoint.
 */
let client: DynamoDBDocumentClient | undefined;

export function dynamoClient(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region: region() }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return client;
}

onResetClients(() => {
  client?.destroy();
  client = undefined;
});
