/** Issue #18: no development issuer on a network. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { developmentIssuerRefusal, isLoopbackHost, startRuntime } from '#infra/runtime/runtime.ts';

const projectRoot = new URL('../../../', import.meta.url).pathname;
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-issuer-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const resources = {
  TABLE_NAME: 't',
  POSTING_QUEUE_URL: 'http://127.0.0.1:9/q',
  SETTLEMENT_QUEUE_URL: 'http://127.0.0.1:9/s',
  ARCHIVE_BUCKET: 'b',
};

const startCli = (args: string[], env: NodeJS.ProcessEnv) =>
  promisify(execFile)(process.execPath, ['infra/cli/start.ts', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: projectRoot,
    env: { ...process.env, HOJO_JWKS_URL: '', ...env },
    timeout: 30_000,
  }).then(
    () => 'started',
    (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`,
  );

describe('the development issuer stays on one machine', () => {
  it('loopback hosts are recognised', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'hojo.example.go.kr', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses external endpoints or a non-loopback host without HOJO_JWKS_URL, and names the settings', () => {
    expect(developmentIssuerRefusal({}, '127.0.0.1')).toBeUndefined();
    expect(developmentIssuerRefusal({ HOJO_EXTERNAL_ENDPOINTS: '1' }, '127.0.0.1')).toMatch(/HOJO_EXTERNAL_ENDPOINTS=1.*HOJO_JWKS_URL/);
    expect(developmentIssuerRefusal({}, '0.0.0.0')).toMatch(/--host 0\.0\.0\.0 \(not loopback\).*HOJO_JWT_ISSUER/);
    expect(developmentIssuerRefusal({ HOJO_JWKS_URL: 'https://sso.example.go.kr/jwks' }, '0.0.0.0')).toBeUndefined();
  });

  it('startRuntime refuses a non-loopback host without an external issuer (before it listens)', async () => {
    await expect(startRuntime({ host: '0.0.0.0', port: 0, pollQueues: false, runSchedules: false, env: {} })).rejects.toThrow(
      /development issuer on a network/,
    );
  });

  it('npm start -- --host 0.0.0.0 exits 1 before starting any engine', async () => {
    expect(await startCli(['--host', '0.0.0.0'], {})).toMatch(
      /^1 [\s\S]*refusing to start with the development issuer[\s\S]*HOJO_JWKS_URL/,
    );
    expect(await readdir(dataDir)).not.toContain('dynamodb');
  });

  it('HOJO_EXTERNAL_ENDPOINTS=1 npm start exits 1 without HOJO_JWKS_URL', async () => {
    expect(await startCli([], { ...resources, HOJO_EXTERNAL_ENDPOINTS: '1' })).toMatch(
      /^1 [\s\S]*HOJO_EXTERNAL_ENDPOINTS=1[\s\S]*HOJO_JWKS_URL/,
    );
  });
});
