/**
 * Issue #18, done-when: `npm run provision` + `HOJO_EXTERNAL_ENDPOINTS=1 npm start` against moto
 * runs the README's walkthrough green — verbatim: the same `sh` blocks, curl and `npm run` as
 * `test/integration/ops/readme-walkthrough.test.ts` runs on the embedded stack. moto stands in for
 * an on-prem AWS-compatible platform; a JWKS served here stands in for the organisation's identity
 * provider (external endpoints refuse the development issuer), holding the key `npm run token`
 * signs with so the README's token lines work unchanged.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';
import { devIssuerDir } from '#infra/runtime/auth-config.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { projectRoot, type RunningStart, startNpmStart } from '#test/integration/ops/running-start.ts';
import { postingOutcomes, readmeWalkthrough, runWalkthrough, walkthroughDiscrepancies } from '#test/support/readme-walkthrough.ts';

// The README's dates are late November 2026: run the rules on a day after them.
const CLOCK = '2026-11-30T12:00:00+09:00';

let moto: MotoServer;
let jwksServer: ReturnType<typeof createServer>;
let runtime: RunningStart;
let scriptEnv: NodeJS.ProcessEnv;
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-walk-moto-'));
const runtimeDir = join(dataDir, 'runtime');

beforeAll(async () => {
  moto = await startMoto();
  const endpoints = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_DYNAMODB: '', AWS_ENDPOINT_URL_SQS: '', AWS_ENDPOINT_URL_S3: '' };
  const provisioned = await promisify(execFile)(process.execPath, ['infra/cli/provision.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...endpoints, POSTING_QUEUE_SHARDS: '1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  const exported = Object.fromEntries([...provisioned.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  const idp = await loadDevIssuer(devIssuerDir(runtimeDir));
  jwksServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(idp.jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  scriptEnv = {
    ...endpoints,
    ...exported,
    POSTING_QUEUE_SHARDS: '1',
    HOJO_EXTERNAL_ENDPOINTS: '1',
    HOJO_DATA_DIR: runtimeDir,
    HOJO_JWKS_URL: jwksUrl,
    HOJO_JWT_ISSUER: idp.issuer,
    HOJO_JWT_AUDIENCE: idp.audience,
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  runtime = await startNpmStart(runtimeDir, ['--no-schedules'], { ...scriptEnv, HOJO_CLOCK: CLOCK });
}, 240_000);

afterAll(async () => {
  await runtime?.stop();
  await new Promise((resolve) => jwksServer?.close(resolve));
  await moto?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every item of moto's table, read straight from it. */
async function motoItems(endpoint: string, table: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  client.destroy();
  return items;
}

describe('the README walkthrough on moto through npm provision and HOJO_EXTERNAL_ENDPOINTS=1 npm start', () => {
  it('runs verbatim: budget cycle, both chains, budget changes, ledger, a closing and its archive, the payment desk, the year boundary', async () => {
    const walkthrough = await readmeWalkthrough(projectRoot);
    // The year-boundary part restarts npm start on later clocks (issue #15): same runtime directory, same port.
    const restart = async (clock: string) => {
      const { url } = runtime;
      await runtime.stop();
      runtime = await startNpmStart(runtimeDir, ['--no-schedules', '--port', new URL(url).port], { ...scriptEnv, HOJO_CLOCK: clock });
    };
    const steps = await runWalkthrough(walkthrough.blocks, runtime.url, { ...scriptEnv, HOJO_CLOCK: CLOCK }, projectRoot, dataDir, restart);
    expect(steps.length).toBeGreaterThan(100);
    expect(walkthroughDiscrepancies(walkthrough, steps)).toEqual([]);
    const outcomes = postingOutcomes(await motoItems(moto.endpoint, scriptEnv.TABLE_NAME ?? ''));
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((outcome) => outcome.status !== 'applied')).toEqual([]);
  }, 900_000);
});
