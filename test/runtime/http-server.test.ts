import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK } from 'jose';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#shared/routes/index.ts';
import { useTestStack } from '#test/support/stack.ts';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { whoAmI } from '#test/runtime/fixtures/whoami.ts';

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-runtime-'));
let runtime: Runtime;
let privateJwk: JWK;

beforeAll(async () => {
  runtime = await startRuntime({ port: 0, dataDir, routes: [...routes, whoAmI], pollQueues: false, runSchedules: false });
  privateJwk = JSON.parse(await readFile(join(dataDir, 'dev-issuer', 'private.jwk.json'), 'utf8')) as JWK;
});
afterAll(async () => {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${runtime.url}${path}`, init);
const json = async (response: Response): Promise<any> => response.json();
const whoami = (token: string | undefined, body: unknown = { note: 'hi' }, gov = '11110') =>
  get(`/governments/${gov}/whoami`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

/** A token signed with the dev issuer's key, with any claim or header overridden. */
async function token(claims: Record<string, unknown> = {}, options: { exp?: number; iss?: string; aud?: string; jwk?: JWK } = {}) {
  const jwk = options.jwk ?? privateJwk;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['budget_officer'], gov: '11110', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? '' })
    .setSubject('officer-1')
    .setIssuer(options.iss ?? DEV_ISSUER)
    .setAudience(options.aud ?? DEV_AUDIENCE)
    .setIssuedAt(now - 120)
    .setExpirationTime(options.exp ?? now + 600)
    .sign(await importJWK(jwk, 'ES256'));
}

describe('platform routes through real HTTP', () => {
  it('GET /health answers ok and names nothing; GET /health/dependencies (operators) reports every dependency up with its latency', async () => {
    expect(await json(await get('/health'))).toEqual({ status: 'ok', checkedAt: expect.any(String) });
    expect((await get('/health/dependencies')).status).toBe(401);
    const response = await get('/health/dependencies', {
      headers: { authorization: `Bearer ${await token({ roles: ['ministry'], gov: undefined })}` },
    });
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; dependencies: { name: string; status: string; latencyMs: number }[] };
    expect(health.status).toBe('ok');
    expect(health.dependencies.map((d) => d.name).sort()).toEqual(['dynamodb', 's3:archive', 'sqs:postings', 'sqs:settlement']);
    for (const dependency of health.dependencies) {
      expect(dependency.status).toBe('up');
      expect(dependency.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('GET /openapi.json serves the OpenAPI 3.1 document of every route', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.openapi).toBe('3.1.0');
    const operationIds = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(operationIds.sort()).toEqual(routes.map((route) => route.id).sort());
  });

  it('GET /docs serves a self-contained HTML page naming every operation', async () => {
    const response = await get('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const route of routes) expect(html).toContain(route.id);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });

  it('serves a registry route backed by DynamoDB, with path and query parameters', async () => {
    const one = await get('/governments/11110');
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ code: '11110', nameKo: '종로구', level: 'basic' });

    const seoul = await get('/governments?level=basic&parent=11000');
    const list = (await seoul.json()) as { count: number; items: { parentCode: string }[] };
    expect(list.count).toBe(25);
    expect(list.items.every((g) => g.parentCode === '11000')).toBe(true);
  });

  it('answers unknown routes 404, wrong methods 405 with Allow, bad input 400: problem+json, never 5xx', async () => {
    const unknown = await get('/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(await unknown.json()).toMatchObject({ status: 404, code: 'route-not-found' });

    const wrongMethod = await get('/health', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');

    const badEncoding = await get('/governments/%E0%A4%A');
    expect(badEncoding.status).toBe(400);
    expect((await json(badEncoding)).code).toBe('invalid-path');

    const badGov = await get('/governments/abc');
    expect(badGov.status).toBe(400);
    expect((await json(badGov)).code).toBe('invalid-request');

    const unknownQuery = await get('/governments?color=red');
    expect(unknownQuery.status).toBe(400);
  });

  it('serves the issuer key set at /.well-known/jwks.json, public part only', async () => {
    const jwks = (await (await get('/.well-known/jwks.json')).json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: privateJwk.kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});

describe('bearer tokens on protected routes', () => {
  it('passes verified claims to the handler as API Gateway does', async () => {
    const response = await whoami(await token({ dept: 'finance' }));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ sub: 'officer-1', roles: ['budget_officer'], gov: '11110', note: 'hi', sourceIp: '127.0.0.1' });
    expect(response.headers.get('apigw-requestid')).toBe(body.requestId);
  });

  it('accepts tokens from the dev issuer, and the tenant rule still applies after authentication', async () => {
    const issued = await runtime.auth.devIssuer?.sign({ sub: 'cli-user', roles: ['budget_officer'], gov: '11110' });
    expect((await whoami(issued)).status).toBe(200);
    const otherGovernment = await whoami(issued, { note: 'x' }, '11140');
    expect(otherGovernment.status).toBe(403);
    expect((await json(otherGovernment)).code).toBe('other-government');
  });

  it('rejects a missing, malformed, expired, unsigned, wrongly signed, wrong-audience or wrong-issuer token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const otherIssuer = await loadDevIssuer();
    const { privateKey: impostorKey } = await generateKeyPair('ES256', { extractable: true });
    const impostor = { ...(await exportJWK(impostorKey)), kid: privateJwk.kid } as JWK;
    const valid = await token();
    const [header, payload] = valid.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'admin', roles: ['ministry'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now + 600 })).toString('base64url')}.${valid.split('.')[2]}`;
    const cases: [string, string | undefined, RegExp][] = [
      ['missing', undefined, /bearer token is required/],
      ['malformed', 'not-a-jwt', /malformed/],
      ['expired', await token({}, { exp: now - 60 }), /expired/],
      ['unsigned (alg none)', unsigned, /accepted algorithm/],
      ['signed by an unknown key', await otherIssuer.sign({ sub: 'x', roles: ['budget_officer'], gov: '11110' }), /trusted key/],
      ['signed by another key under the trusted key id', await token({}, { jwk: impostor }), /signature/],
      ['tampered payload', tampered, /signature/],
      ['wrong audience', await token({}, { aud: 'someone-else' }), /aud claim/],
      ['wrong issuer', await token({}, { iss: 'https://evil.example' }), /iss claim/],
    ];
    for (const [name, candidate, reason] of cases) {
      const response = await whoami(candidate);
      expect(response.status, name).toBe(401);
      expect(response.headers.get('content-type'), name).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate'), name).toMatch(/^Bearer error="invalid_(token|request)"$/);
      const problem = await json(response);
      expect(problem.code, name).toBe('unauthorized');
      expect(problem.detail, name).toMatch(reason);
      if (candidate) expect(JSON.stringify(problem), name).not.toContain(candidate);
    }
  });

  it('checks the token before the body: an unauthenticated request never reaches validation', async () => {
    const response = await whoami(undefined, { unexpected: true });
    expect(response.status).toBe(401);
  });
});

describe('request bodies', () => {
  it('refuses a body over the route limit with 413 from its declared length, before reading it', async () => {
    const response = await whoami(await token(), { note: 'x'.repeat(2000) });
    expect(response.status).toBe(413);
    expect((await json(response)).code).toBe('payload-too-large');
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const bearer = await token();
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${runtime.url}/governments/11110/whoami`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(`{"note":"${'y'.repeat(4096)}`);
      req.write('"}');
      req.end();
    });
    expect(status).toBe(413);
  });

  it('answers invalid JSON with 400', async () => {
    const response = await get('/governments/11110/whoami', {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: '{"note":',
    });
    expect(response.status).toBe(400);
  });
});

describe('robustness', () => {
  it('never answers 5xx for arbitrary paths, methods, headers and bodies', async () => {
    const segment = fc.oneof(
      fc.constantFrom('governments', '11110', 'health', 'docs', '%', '%zz', '..', 'whoami', ''),
      fc.string({ maxLength: 12 }),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      path: fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.map((p) => encodeURI(p)).join('/')}`),
      query: fc.string({ maxLength: 20 }).map((q) => encodeURI(q)),
      body: fc.option(fc.oneof(fc.json(), fc.string({ maxLength: 64 })), { nil: undefined }),
      authorization: fc.option(
        fc.oneof(
          fc.constant('Bearer '),
          fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
        ),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query, body, authorization }) => {
        const response = await get(`${path}${query ? `?${query}` : ''}`, {
          method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          ...(body === undefined || method === 'GET' ? {} : { body }),
        });
        await response.arrayBuffer();
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('on-prem identity provider', () => {
  it('verifies tokens against HOJO_JWKS_URL with the configured issuer and audience', async () => {
    const env = {
      ...process.env,
      HOJO_JWKS_URL: `${runtime.url}/.well-known/jwks.json`,
      HOJO_JWT_ISSUER: DEV_ISSUER,
      HOJO_JWT_AUDIENCE: DEV_AUDIENCE,
    };
    const onPrem = await startRuntime({ port: 0, env, routes: [whoAmI], pollQueues: false, runSchedules: false });
    try {
      expect(onPrem.auth.devIssuer).toBeUndefined();
      expect((await fetch(`${onPrem.url}/.well-known/jwks.json`)).status).toBe(404);
      const call = (bearer: string) =>
        fetch(`${onPrem.url}/governments/11110/whoami`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: '{"note":"on-prem"}',
        });
      expect((await call(await token())).status).toBe(200);
      expect((await call(await token({}, { aud: 'other-app' }))).status).toBe(401);
    } finally {
      await onPrem.stop();
    }
  });

  it('refuses to start with a JWKS URL but no issuer or audience', async () => {
    const env = { ...process.env, HOJO_JWKS_URL: `${runtime.url}/.well-known/jwks.json` };
    await expect(startRuntime({ port: 0, env, pollQueues: false, runSchedules: false })).rejects.toThrow(/HOJO_JWT_ISSUER/);
  });
});
