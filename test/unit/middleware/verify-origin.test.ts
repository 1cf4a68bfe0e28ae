/**
 * Issue #19, finding 7: on aws the API's custom domain is public in DNS, so every route function
 * refuses a request that lacks CloudFront's origin header, before reading the caller. The secret is
 * read through the Parameters and Secrets extension, played here by a local HTTP server.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { originSecretEnv, originVerifier, originVerifyHeader } from '#shared/auth/origin-verify.ts';
import type { SecretStage } from '#shared/auth/origin-verify.ts';
import { getHealth, getHealthDependencies } from '#shared/routes/platform.ts';
import { callRoute } from '#test/support/api.ts';

const secretId = 'hojo/origin-verify';
const stages: Partial<Record<SecretStage, string>> = { AWSCURRENT: 'current-value-0123456789', AWSPREVIOUS: 'previous-value-987654321' };
const sessionToken = 'session-token-of-the-function';
let extension: Server;
const asked: string[] = [];

beforeAll(async () => {
  extension = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const stage = url.searchParams.get('versionStage') as SecretStage;
    asked.push(stage);
    // The extension refuses a caller without the function's session token.
    if (req.headers['x-aws-parameters-secrets-token'] !== sessionToken || url.searchParams.get('secretId') !== secretId) {
      res.writeHead(403).end();
      return;
    }
    const value = stages[stage];
    if (value === undefined) {
      res.writeHead(400).end(JSON.stringify({ __type: 'ResourceNotFoundException' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Name: secretId, SecretString: value }));
  });
  await new Promise<void>((resolve) => extension.listen(0, '127.0.0.1', resolve));
  process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String((extension.address() as AddressInfo).port);
  process.env.AWS_SESSION_TOKEN = sessionToken;
});

afterEach(() => {
  delete process.env[originSecretEnv];
});

afterAll(async () => {
  delete process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT;
  delete process.env.AWS_SESSION_TOKEN;
  await new Promise((resolve) => extension.close(resolve));
});

describe('the CloudFront origin check of every route function', () => {
  it('refuses a request without the origin header or with a wrong one, before authentication', async () => {
    process.env[originSecretEnv] = secretId;
    const missing = await callRoute(getHealth);
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('origin-not-verified');
    const wrong = await callRoute(getHealth, { headers: { [originVerifyHeader]: 'current-value-0123456780' } });
    expect(wrong.body.code).toBe('origin-not-verified');
    // A protected route without a token says origin-not-verified, not unauthorized: the check comes first.
    const protectedRoute = await callRoute(getHealthDependencies);
    expect(protectedRoute.body.code).toBe('origin-not-verified');
  });

  it('lets through the current and the previous value (edges still sending it during a rotation)', async () => {
    process.env[originSecretEnv] = secretId;
    expect((await callRoute(getHealth, { headers: { [originVerifyHeader]: stages.AWSCURRENT as string } })).status).toBe(200);
    expect((await callRoute(getHealth, { headers: { [originVerifyHeader]: stages.AWSPREVIOUS as string } })).status).toBe(200);
  });

  it('checks nothing where no secret is configured (local runtime, on-prem)', async () => {
    expect((await callRoute(getHealth)).status).toBe(200);
  });
});

describe('originVerifier', () => {
  it('caches the values, and reads again at most every 30 s when an unknown value arrives (a rotation began)', async () => {
    let clock = 0;
    const values: Partial<Record<SecretStage, string>> = { AWSCURRENT: 'a' };
    let reads = 0;
    const verify = originVerifier(
      'id',
      async (_id, stage) => {
        reads += 1;
        return values[stage];
      },
      () => clock,
    );
    expect(await verify('a')).toBe(true);
    expect(reads).toBe(3);
    expect(await verify('a')).toBe(true);
    expect(reads).toBe(3);
    // The rotation writes AWSPENDING into the distribution: within 30 s of the last read it is refused…
    values.AWSPENDING = 'b';
    clock = 10_000;
    expect(await verify('b')).toBe(false);
    expect(reads).toBe(3);
    // …then read once and accepted, and cached again.
    clock = 40_000;
    expect(await verify('b')).toBe(true);
    expect(reads).toBe(6);
    expect(await verify(undefined)).toBe(false);
    expect(await verify('')).toBe(false);
    // After the rotation the old value is AWSPREVIOUS and still accepted; after the next one, not.
    values.AWSPREVIOUS = 'a';
    values.AWSCURRENT = 'b';
    delete values.AWSPENDING;
    clock = 400_000;
    expect(await verify('a')).toBe(true);
    values.AWSPREVIOUS = 'b';
    values.AWSCURRENT = 'c';
    clock = 800_000;
    expect(await verify('a')).toBe(false);
  });
});
