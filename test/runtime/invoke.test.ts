import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { APIGatewayProxyStructuredResultV2, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { invokeOnce } from '#infra/runtime/invoke.ts';
import { recordsToRetry } from '#infra/runtime/batch-outcome.ts';
import { consumerState, setBehaviour } from '#test/runtime/fixtures/test-consumer.ts';

await useTestStack();
const projectRoot = new URL('../../', import.meta.url).pathname;
const event = async (file: string): Promise<unknown> => JSON.parse(await readFile(join(projectRoot, 'events', file), 'utf8'));

describe('invoking a handler once with an event from events/', () => {
  it('runs the registry handler against DynamoDB with the sample API Gateway event', async () => {
    const result = (await invokeOnce(
      'registry/get-government',
      await event('registry/get-government.json'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toMatchObject({ code: '11110', nameKo: '종로구' });
  });

  it('runs a list route with the query of the sample event', async () => {
    const result = (await invokeOnce(
      'registry/list-governments',
      await event('registry/list-governments-basic-seoul.json'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(JSON.parse(result.body ?? '')).toMatchObject({ count: 25 });
  });

  it('hands a consumer the sample SQS batch as is, and its FIFO group rule holds for the sample', async () => {
    const batch = (await event('postings/sqs-batch.json')) as SQSEvent;
    setBehaviour(async (received) => ({ batchItemFailures: [{ itemIdentifier: received.Records[0]?.messageId ?? '' }] }));
    const result = await invokeOnce('test/runtime/fixtures/test-consumer.ts', batch);
    expect(consumerState().invocations[0]?.event).toEqual(batch);
    // Both sample records are on one budget line: failing the first holds back the second.
    expect(recordsToRetry(batch.Records, { threw: false, result }, true).size).toBe(2);
  });

  it('`npm run invoke` prints the result as JSON on stdout, with a throwaway stack when none runs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hojo-invoke-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['infra/cli/invoke.ts', 'registry/get-government', 'events/registry/get-government.json', '--data-dir', dataDir],
        { cwd: projectRoot, env: { ...process.env, TABLE_NAME: '' } },
      );
      const result = JSON.parse(stdout) as APIGatewayProxyStructuredResultV2;
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body ?? '')).toMatchObject({ code: '11110', nameEn: 'Jongno-gu' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
