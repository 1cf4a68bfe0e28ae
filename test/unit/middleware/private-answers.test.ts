/**
 * Issue #19, finding 7: CloudFront caches the paths that protected routes share with open data, with
 * the token in the key. Every answer of a protected route says `private, no-store`, so no cache keeps it.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { governmentRead, publicAccess } from '#shared/auth/access.ts';
import type { Access } from '#shared/auth/access.ts';
import { forbidden } from '#shared/domain/refusal.ts';
import { platformHandler } from '#shared/http/api-handler.ts';
import type { ApiResult } from '#shared/http/api-handler.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { govParams } from '#shared/schemas/common.ts';
import { apiEvent } from '#test/support/api.ts';

const probe = (access: Access) =>
  defineRoute({
    id: 'probeRoute',
    method: 'GET',
    path: '/governments/{gov}/probe',
    params: govParams,
    handler: 'none',
    summary: '',
    tags: [],
    access,
  });
const head = { sub: 'u-1', roles: ['head'], gov: '11110' } as const;

async function answer(access: Access, outcome: () => Promise<ApiResult>, caller?: typeof head) {
  const route = probe(access);
  const handler = platformHandler(route, outcome);
  const context = { awsRequestId: 'r-1', functionName: 'probe', getRemainingTimeInMillis: () => 30_000 } as ApiContext;
  return (await handler(
    apiEvent(route, { params: { gov: '11110' }, ...(caller ? { caller } : {}) }),
    context,
  )) as APIGatewayProxyStructuredResultV2;
}

describe('private answers', () => {
  it("marks a protected route's answer private, no-store, over what the handler said", async () => {
    const ok = await answer(
      governmentRead('head'),
      async () => ({ body: { a: 1 }, headers: { 'cache-control': 'public, max-age=300' } }),
      head,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers?.['cache-control']).toBe('private, no-store');
    expect(ok.headers?.['content-type']).toBe('application/json');
  });

  it("marks a protected route's refusals too: a 401 without a token, a 403 from the handler", async () => {
    const unauthenticated = await answer(governmentRead('head'), async () => ({ body: {} }));
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers?.['cache-control']).toBe('private, no-store');
    const refused = await answer(
      governmentRead('head'),
      async () => {
        throw forbidden('other-government', 'no');
      },
      head,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.headers).toMatchObject({ 'content-type': 'application/problem+json', 'cache-control': 'private, no-store' });
  });

  it('leaves a public route its own caching: open data may be shared', async () => {
    const open = await answer(publicAccess, async () => ({ body: { a: 1 }, headers: { 'cache-control': 'public, max-age=300' } }));
    expect(open.headers?.['cache-control']).toBe('public, max-age=300');
    const plain = await answer(publicAccess, async () => ({ body: { a: 1 } }));
    expect(plain.headers?.['cache-control']).toBeUndefined();
  });
});
