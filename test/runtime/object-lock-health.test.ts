/**
 * Issue #18: the archive bucket's Object Lock is checked when the runtime starts (a warning naming
 * the missing setting) and by /health/dependencies (`degraded`, naming it), e.g. on an S3-compatible store
 * without Object Lock such as Garage: here a bucket provisioned without Object Lock.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { checkObjectLock, describeWarning } from '#shared/platform/object-lock-check.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
let runtime: Runtime | undefined;

afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  Object.assign(process.env, stack.env);
  resetClients();
});

const start = () => startRuntime({ port: 0, pollQueues: false, runSchedules: false });
/** The operators' health report, with a token of the runtime's development issuer. */
const dependencies = async (started: Runtime) => {
  const token = await started.auth.devIssuer?.sign({ sub: 'ops-1', roles: ['ministry'] });
  return fetch(`${started.url}/health/dependencies`, { headers: { authorization: `Bearer ${token}` } });
};

describe('Object Lock of the archive bucket', () => {
  it('the provisioned archive bucket has it: no warning, /health/dependencies ok', async () => {
    expect(await checkObjectLock()).toEqual([]);
    runtime = await start();
    expect(await runtime.objectLockWarnings).toEqual([]);
    const health = (await (await dependencies(runtime)).json()) as { status: string; warnings?: unknown };
    expect(health.status).toBe('ok');
    expect(health.warnings).toBeUndefined();
  });

  it('a bucket without Object Lock: a warning at start and /health/dependencies degraded (200), both naming the missing setting', async () => {
    const bucket = `${stack.prefix}no-lock`;
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    process.env.ARCHIVE_BUCKET = bucket;
    resetClients();
    runtime = await start();
    const warnings = await runtime.objectLockWarnings;
    expect(warnings).toEqual([
      {
        name: 's3:archive',
        resource: bucket,
        missing: expect.stringMatching(/^Object Lock \(ObjectLockEnabled; the store answered ObjectLockConfigurationNotFoundError\)/),
      },
      { name: 's3:archive', resource: bucket, missing: 'versioning (Status Enabled)' },
    ]);
    const response = await dependencies(runtime);
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      status: string;
      warnings: { missing: string }[];
      dependencies: { name: string; status: string }[];
    };
    expect(health.status).toBe('degraded');
    expect(health.warnings.map((w) => w.missing)).toEqual(warnings.map((w) => w.missing));
    expect(health.dependencies.find((d) => d.name === 's3:archive')?.status).toBe('up');
  });

  it('a store that cannot answer (no such bucket) is reported, not thrown', async () => {
    process.env.ARCHIVE_BUCKET = `${stack.prefix}absent`;
    resetClients();
    const warnings = await checkObjectLock();
    expect(warnings[0]?.missing).toMatch(/^Object Lock \(ObjectLockEnabled; the store answered NoSuchBucket\)/);
  });

  it('a store that does not answer is asked again, then reported unconfirmed, never as missing', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    resetClients();
    try {
      const warnings = await checkObjectLock([100, 100, 100]);
      expect(warnings.map((w) => w.missing)).toEqual([
        'Object Lock unconfirmed (the store did not answer in 3 tries of up to 0.1 s: AbortError)',
        'versioning unconfirmed (the store did not answer in 3 tries of up to 0.1 s: AbortError)',
      ]);
      expect(describeWarning(warnings[0] as (typeof warnings)[0])).not.toContain('missing');
      expect(sockets.length).toBe(6); // three tries each for Object Lock and versioning
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
