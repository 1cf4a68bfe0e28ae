import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RuntimeState } from '#infra/runtime/state-file.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';

/** `npm start` (infra/cli/start.ts) in a child process on a data directory, for the operations tests. */
export const projectRoot = new URL('../../../', import.meta.url).pathname;

export interface RunningStart {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<unknown>;
  stop(): Promise<void>;
}

export function startNpmStart(dataDir: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningStart> {
  const child = spawn(process.execPath, ['infra/cli/start.ts', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: projectRoot,
    env: { ...process.env, POSTING_QUEUE_SHARDS: '1', HOJO_RUNTIME_LOG_LEVEL: 'ERROR', HOJO_EXTERNAL_ENDPOINTS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, exited, stop });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then(() => reject(new Error(`npm start exited before it was ready:\n${output}`)));
  });
}

/** Runs one of the CLIs (infra/cli/*.ts) to its end. */
export const runCli = (script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [script, ...args], { cwd: projectRoot, env: { ...process.env, TABLE_NAME: '', ...env } });

/** A document client on the table of the `npm start` running on `dataDir`. */
export async function runningTable(dataDir: string) {
  const state = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeState;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: state.env.AWS_ENDPOINT_URL_DYNAMODB,
      region: state.env.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return { client, name: state.env.TABLE_NAME ?? '', state };
}

export async function scanTable(dataDir: string): Promise<Record<string, any>[]> {
  const { client, name } = await runningTable(dataDir);
  const items: Record<string, any>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: name, ConsistentRead: true, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  client.destroy();
  return items;
}

/** An expenditure line and a revenue line with ample budget and allotment, written straight into the table. */
export async function seedTwoLines(dataDir: string, gov: string, year: number, prefix: string): Promise<void> {
  const { client, name } = await runningTable(dataDir);
  const line = (lineId: string, kind: 'expenditure' | 'revenue', itemCode: string) => ({
    ...lineControlKey(gov, year, lineId),
    ...{ gov, year, lineId, kind, fund: 'general', itemCode, dept: 'dept-1', mandatory: false },
    // What the journal map needs (as test/integration/execution/support.ts seeds): 행정운영경비 costs; 경상적세외수입.
    journal: kind === 'expenditure' ? { code: itemCode, structureType: '행정운영경비' } : { code: '2-1' },
    ...{ budget: 1e12, allotted: 1e12, committed: 0, resolved: 0, ordered: 0, paid: 0, assessed: 0, received: 0, refunded: 0 },
  });
  for (const item of [line(`${prefix}-exp`, 'expenditure', '201-01'), line(`${prefix}-rev`, 'revenue', '2')])
    await client.send(new PutCommand({ TableName: name, Item: item }));
  client.destroy();
}
