/** Issue #20: the console served by the runtime, and the development issuer's sign-in (authorization code + PKCE). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { CONSOLE_CLIENT_ID, createDevSignIn } from '#infra/runtime/jwt/dev-sign-in.ts';
import { runtimeConsoleConfig } from '#infra/runtime/console-config.ts';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startRuntime({
    port: 0,
    pollQueues: false,
    runSchedules: false,
    checkObjectLock: false,
    env: { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4599' },
  });
});
afterAll(() => runtime?.stop());

const verifier = `${'v'.repeat(20)}erifier-of-the-console-0123456789`;
const challenge = createHash('sha256').update(verifier).digest('base64url');

/** The authorization request the console sends, with overrides. */
const authorizeParams = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: CONSOLE_CLIENT_ID,
    redirect_uri: `${runtime.url}/console/`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    ...overrides,
  });

/** Signs in through the form as the given identity; returns the redirect's code and state. */
async function signIn(identity: Record<string, string>): Promise<URL> {
  const response = await fetch(`${runtime.url}/dev-issuer/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(authorizeParams()), ...identity }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '');
}

const exchange = (code: string, codeVerifier: string) =>
  fetch(`${runtime.url}/dev-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${runtime.url}/console/`,
      client_id: CONSOLE_CLIENT_ID,
      code_verifier: codeVerifier,
    }),
  });

describe('the console on the runtime', () => {
  it('serves the page, its bundle and its configuration from its own origin, under a strict content policy', async () => {
    const page = await fetch(`${runtime.url}/console/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain('<html lang="ko">');
    // self-contained: every script and stylesheet is a relative path of the console
    expect([...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1])).toEqual(['console.css', 'app.js']);
    const script = await fetch(`${runtime.url}/console/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(10_000);

    const config = await (await fetch(`${runtime.url}/console/config.json`)).json();
    const devSignIn = {
      issuer: 'urn:hojo:dev-issuer',
      clientId: CONSOLE_CLIENT_ID,
      authorizationEndpoint: '/dev-issuer/authorize',
      tokenEndpoint: '/dev-issuer/token',
      scopes: ['openid'],
      apiToken: 'access_token',
      development: true,
    };
    expect(config).toEqual({
      apiBase: '',
      signIn: devSignIn,
      // residents sign in on the development issuer too (AWS: their own user pool)
      residentSignIn: devSignIn,
      archive: { engineOrigin: 'http://127.0.0.1:4599', proxyPath: '/_archive' },
    });
    expect((await fetch(`${runtime.url}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
    expect((await fetch(`${runtime.url}/console/nothing.js`)).status).toBe(404);
  });

  it('signs in with authorization code + PKCE: the code is exchanged once, with the verifier only', async () => {
    const page = await fetch(`${runtime.url}/dev-issuer/authorize?${authorizeParams()}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="role">역할</label>');

    const first = await signIn({ role: 'council_member', gov: '11110', sub: 'cm-choi' });
    expect(first.origin + first.pathname).toBe(`${runtime.url}/console/`);
    expect(first.searchParams.get('state')).toBe('state-1');
    const wrong = await exchange(first.searchParams.get('code') ?? '', `${verifier}x`);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'the code verifier does not match' });
    // the code was spent by the failed attempt
    expect((await exchange(first.searchParams.get('code') ?? '', verifier)).status).toBe(400);

    const second = await signIn({ role: 'council_member', gov: '11110', sub: 'cm-choi' });
    const answer = await exchange(second.searchParams.get('code') ?? '', verifier);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const tokens = (await answer.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(await runtime.auth.verifyToken(tokens.access_token)).toMatchObject({ sub: 'cm-choi', roles: ['council_member'], gov: '11110' });
  });

  it('refuses a redirect outside this console, a plain challenge, an unknown client and a government-less local role', async () => {
    const refused = async (params: URLSearchParams) => {
      const response = await fetch(`${runtime.url}/dev-issuer/authorize?${params}`, { redirect: 'manual' });
      return `${response.status} ${await response.text()}`;
    };
    expect(await refused(authorizeParams({ redirect_uri: 'https://evil.example/console/' }))).toMatch(/^400 redirect_uri must be/);
    expect(await refused(authorizeParams({ code_challenge_method: 'plain' }))).toBe('400 code_challenge_method must be S256');
    expect(await refused(authorizeParams({ client_id: 'other' }))).toMatch(/^400 unknown client_id/);
    const noGov = await fetch(`${runtime.url}/dev-issuer/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorizeParams()), role: 'head' }),
      redirect: 'manual',
    });
    expect(`${noGov.status} ${await noGov.text()}`).toBe('400 the role head acts for one government: give its code');
  });

  it('answers only this machine, and only the development issuer offers it', async () => {
    const signIn = createDevSignIn(await loadDevIssuer());
    const answer = await signIn.serve({
      method: 'GET',
      path: '/dev-issuer/authorize',
      query: authorizeParams(),
      body: Buffer.alloc(0),
      origin: runtime.url,
      loopback: false,
    });
    expect(answer?.statusCode).toBe(403);
    // with an external issuer (on-prem) there is no development sign-in: the console signs in at the issuer
    const onPrem = {
      HOJO_JWT_ISSUER: 'https://sso.example.go.kr/realms/hojo',
      HOJO_CONSOLE_CLIENT_ID: 'hojo-console',
      HOJO_CONSOLE_API_TOKEN: 'id_token',
    };
    expect(runtimeConsoleConfig(onPrem, { verifyToken: runtime.auth.verifyToken, description: '' }, undefined)).toEqual({
      apiBase: '',
      signIn: { issuer: 'https://sso.example.go.kr/realms/hojo', clientId: 'hojo-console', scopes: ['openid'], apiToken: 'id_token' },
    });
    expect(runtimeConsoleConfig({}, { verifyToken: runtime.auth.verifyToken, description: '' }, undefined)).toEqual({ apiBase: '' });
  });
});
