import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeState } from '#infra/runtime/state-file.ts';
import { useTestStack } from '#test/support/stack.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-start-'));
const children = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** `npm start` with its data in a temporary directory, on a free port; resolves once it prints the API URL. */
function start(extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const child = spawn(process.execPath, ['infra/cli/start.ts', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: projectRoot,
    env: { ...env, HOJO_RUNTIME_LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
  });
}

const run = (script: string, args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args, '--data-dir', dataDir], {
    cwd: projectRoot,
    env: { ...process.env, TABLE_NAME: '' },
  });

async function stateFile(): Promise<RuntimeState> {
  return JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeState;
}

function tableOf(state: RuntimeState) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: state.env.AWS_ENDPOINT_URL_DYNAMODB,
      region: state.env.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return { client, name: state.env.TABLE_NAME ?? '' };
}

/** On a network the runtime needs an external issuer (its keys are fetched on the first token only). */
const EXTERNAL_ISSUER = {
  HOJO_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
  HOJO_JWT_ISSUER: 'https://sso.example.go.kr',
  HOJO_JWT_AUDIENCE: 'hojo-api',
};

describe('npm start', () => {
  let firstKid: string | undefined;

  it('serves /health, /openapi.json and /docs, issues verifiable tokens, serves invoke, and stops cleanly on SIGTERM', async () => {
    const started = await start();
    expect(started.output()).toContain('npm run token -- --role budget_officer --gov 11110');

    const health = await fetch(`${started.url}/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${started.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${started.url}/docs`)).headers.get('content-type')).toMatch(/text\/html/);

    const token = (await run('infra/cli/token.ts', ['--role', 'budget_officer', '--gov', '11110'])).stdout.trim();
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${started.url}/.well-known/jwks.json`)), {
      issuer: 'urn:hojo:dev-issuer',
      audience: 'hojo-api',
    });
    expect(payload).toMatchObject({ sub: 'dev-budget_officer-11110', roles: ['budget_officer'], gov: '11110' });
    firstKid = decodeProtectedHeader(token).kid;

    const state = await stateFile();
    expect(state).toMatchObject({ pid: started.child.pid, apiUrl: started.url, external: false });
    const { client, name } = tableOf(state);
    await client.send(new PutCommand({ TableName: name, Item: { pk: 'TEST#persist', sk: 'A', value: 42 } }));
    client.destroy();

    const invoked = await run('infra/cli/invoke.ts', ['registry/get-government', 'events/registry/get-government.json']);
    expect(JSON.parse(invoked.stdout)).toMatchObject({ statusCode: 200 });

    const second = await run('infra/cli/start.ts', ['--port', '0']).then(
      () => 'started',
      (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`,
    );
    expect(second).toMatch(/^1 [\s\S]*hojo is already running/);

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('stopped');
    await expect(access(join(dataDir, 'runtime.json'))).rejects.toThrow();
    await expect(fetch(`${started.url}/health`)).rejects.toThrow();
  });

  it('a second start reuses .data/: same issuer key, same table contents', async () => {
    const started = await start();
    const token = (await run('infra/cli/token.ts', ['--role', 'ministry'])).stdout.trim();
    expect(decodeProtectedHeader(token).kid).toBe(firstKid);

    const { client, name } = tableOf(await stateFile());
    const { Item } = await client.send(new GetCommand({ TableName: name, Key: { pk: 'TEST#persist', sk: 'A' } }));
    client.destroy();
    expect(Item).toMatchObject({ value: 42 });

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  });

  it('HOJO_EXTERNAL_ENDPOINTS=1: no engines, the runtime serves the resources named in the environment (on-prem mode)', async () => {
    const stack = await useTestStack();
    const started = await start([], { ...process.env, ...stack.env, ...EXTERNAL_ISSUER, HOJO_EXTERNAL_ENDPOINTS: '1' });
    expect(started.output()).toMatch(/Data\s+external endpoints/);
    const health = (await (await fetch(`${started.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    // the government registry is read from the table the environment names
    expect((await fetch(`${started.url}/governments/11110`)).status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('--external refuses to start without the resource variables', async () => {
    const refused = await run('infra/cli/start.ts', ['--external', '--port', '0']).then(
      () => 'started',
      (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`,
    );
    expect(refused).toMatch(/^1 [\s\S]*--external needs TABLE_NAME/);
  });
});
