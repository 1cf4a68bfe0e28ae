import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import type { Endpoints } from '#infra/embedded/engines.ts';

const ENTRY = fileURLToPath(new URL('../../infra/embedded/engines-process.ts', import.meta.url));
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

async function startChild() {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ENTRY], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { child, exited, endpoints: (JSON.parse(line) as { endpoints: Endpoints }).endpoints };
}

describe('engines in a process of their own', () => {
  it('prints its loopback endpoints, serves DynamoDB and SQS there, and exits 0 on SIGTERM', async () => {
    const { child, exited, endpoints } = await startChild();
    expect(endpoints.dynamodb).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const dynamo = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'ap-northeast-2', credentials });
    const sqs = new SQSClient({ endpoint: endpoints.sqs, region: 'ap-northeast-2', credentials });
    try {
      expect((await dynamo.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
    } finally {
      dynamo.destroy();
      sqs.destroy();
    }
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  it('stops when its parent goes away (standard input closes)', async () => {
    const { child, exited } = await startChild();
    child.stdin.end();
    expect(await exited).toEqual([0, null]);
  });
});
