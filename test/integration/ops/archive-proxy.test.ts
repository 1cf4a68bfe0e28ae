/**
 * Issue #18: a runtime started with `--host 0.0.0.0` serves archive downloads at its own address
 * (the S3 engine listens on loopback only): URLs handed out are rewritten to `<runtime>/_archive/…`
 * and the runtime passes those GETs, signature and all, to the engine, which checks them.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveProxyFor, startRuntime } from '#infra/runtime/runtime.ts';
import { publicDownloadUrl, withPublicUrl } from '#infra/runtime/archive-proxy.ts';
import { presignDownload, putArchiveFile } from '#shared/stores/settlement/archive-store.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
const engine = stack.env.AWS_ENDPOINT_URL_S3 ?? '';
const runtime = await startRuntime({
  host: '0.0.0.0',
  port: 0,
  pollQueues: false,
  runSchedules: false,
  checkObjectLock: false,
  routes: [],
  // An external issuer is required on a network; no protected route is called here.
  env: { ...process.env, HOJO_JWKS_URL: 'http://127.0.0.1:9/jwks.json', HOJO_JWT_ISSUER: 'https://sso.test', HOJO_JWT_AUDIENCE: 'hojo' },
});
afterAll(() => runtime.stop());
const origin = `http://127.0.0.1:${new URL(runtime.url).port}`;

const bytes = Buffer.from('2026 결산 manifest\n');
const key = '2026/11110/year-end/2026/manifest.json';
await putArchiveFile(
  { file: 'manifest.json', key, bytes, contentType: 'application/json', sha256: createHash('sha256').update(bytes).digest('hex') },
  new Date('2026-11-25T00:00:00Z'),
);

describe('archive downloads through a runtime bound to a network interface', () => {
  it('proxies only when the API is on a network and the S3 endpoint on loopback', () => {
    expect(archiveProxyFor({ AWS_ENDPOINT_URL_S3: engine }, '0.0.0.0')).toEqual({ engine });
    expect(archiveProxyFor({ AWS_ENDPOINT_URL_S3: engine }, '127.0.0.1')).toBeUndefined();
    expect(archiveProxyFor({ AWS_ENDPOINT_URL_S3: 'https://s3.internal.example.go.kr' }, '0.0.0.0')).toBeUndefined();
  });

  it('rewrites the URL a route answers to the runtime origin, and serves it', async () => {
    const signed = await presignDownload(key);
    expect(signed.startsWith(`${engine}/`)).toBe(true);
    const answer = withPublicUrl(
      { statusCode: 200, headers: {}, cookies: [], body: Buffer.from(JSON.stringify({ key, url: signed })) },
      { engine },
      origin,
    );
    const url = (JSON.parse(answer.body.toString('utf8')) as { url: string }).url;
    expect(url).toBe(publicDownloadUrl(signed, { engine }, origin));
    expect(url.startsWith(`${origin}/_archive/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('the engine still checks the signature: another key or a changed expiry is 403; nothing but GET/HEAD is passed', async () => {
    const url = publicDownloadUrl(await presignDownload(key), { engine }, origin);
    expect((await fetch(url.replace('/11110/', '/26110/'))).status).toBe(403);
    expect((await fetch(url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800'))).status).toBe(403);
    // Signed for GET: a HEAD with it is another request, as on S3.
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(403);
    const put = await fetch(url, { method: 'PUT', body: 'overwrite' });
    expect(put.status).toBe(404);
    expect(put.headers.get('content-type')).toBe('application/problem+json');
  });
});
