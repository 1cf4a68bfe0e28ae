import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { sqsClient } from '#shared/clients/sqs.ts';

const variables = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_SQS', 'AWS_ENDPOINT_URL_S3'];
const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));

class Captured extends Error {
  readonly url: string;
  constructor(url: string) {
    super('captured');
    this.url = url;
  }
}

type AnyClient = { middlewareStack: { add: (mw: unknown, opts: unknown) => void }; send: (command: never) => Promise<unknown> };

/** The URL the SDK would call, captured just before it is sent; nothing leaves the process. */
async function resolvedUrl(client: AnyClient, command: unknown): Promise<string> {
  client.middlewareStack.add(
    () => async (args: { request: { protocol: string; hostname: string; port?: number; path: string } }) => {
      const { protocol, hostname, port, path } = args.request;
      throw new Captured(`${protocol}//${hostname}${port ? `:${port}` : ''}${path}`);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'captureUrl' },
  );
  try {
    await client.send(command as never);
  } catch (error) {
    if (error instanceof Captured) return error.url;
    throw error;
  }
  throw new Error('request was not captured');
}

afterEach(() => {
  for (const name of variables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetClients();
});

function setEndpoints(values: Record<string, string | undefined>): void {
  for (const name of variables) delete process.env[name];
  for (const [name, value] of Object.entries(values)) if (value !== undefined) process.env[name] = value;
  resetClients();
}

describe('AWS client endpoints come from the SDK standard variables', () => {
  it('uses the service-specific variables for DynamoDB, SQS and S3 (S3 path-style)', async () => {
    setEndpoints({
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4001',
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4002',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4003',
    });
    expect(await resolvedUrl(dynamoClient() as unknown as AnyClient, new ListTablesCommand({}))).toBe('http://127.0.0.1:4001/');
    expect(await resolvedUrl(sqsClient() as unknown as AnyClient, new ListQueuesCommand({}))).toBe('http://127.0.0.1:4002/');
    expect(await resolvedUrl(s3Client() as unknown as AnyClient, new ListBucketsCommand({}))).toBe('http://127.0.0.1:4003/');
  });

  it('falls back to AWS_ENDPOINT_URL, and a service-specific variable wins over it', async () => {
    setEndpoints({ AWS_ENDPOINT_URL: 'http://onprem.example:8000', AWS_ENDPOINT_URL_SQS: 'http://queue.example:9324' });
    expect(await resolvedUrl(dynamoClient() as unknown as AnyClient, new ListTablesCommand({}))).toBe('http://onprem.example:8000/');
    expect(await resolvedUrl(sqsClient() as unknown as AnyClient, new ListQueuesCommand({}))).toBe('http://queue.example:9324/');
  });

  it('reaches the public regional endpoints when no variable is set', async () => {
    setEndpoints({});
    expect(await resolvedUrl(dynamoClient() as unknown as AnyClient, new ListTablesCommand({}))).toBe(
      'https://dynamodb.ap-northeast-2.amazonaws.com/',
    );
    expect(await resolvedUrl(sqsClient() as unknown as AnyClient, new ListQueuesCommand({}))).toBe(
      'https://sqs.ap-northeast-2.amazonaws.com/',
    );
  });
});
