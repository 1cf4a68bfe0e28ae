import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { governmentRead, governmentWrite } from '#shared/auth/access.ts';
import type { Access } from '#shared/auth/access.ts';
import type { Caller } from '#shared/auth/caller.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { authorizeRoute } from '#shared/middleware/authorize-route.ts';
import { apiEvent } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';

const route = defineRoute({
  id: 'probe',
  method: 'POST',
  path: '/governments/{gov}/probe',
  handler: 'none',
  summary: '',
  tags: [],
  access: governmentRead('head'),
});

/**
 * Runs the middleware with the context the earlier middlewares leave (caller, validated input) and
 * returns the request info the handler would receive.
 */
async function requestInfoSeen(access: Access, caller: Caller | undefined, gov: string, event = apiEvent(route, { params: { gov } })) {
  let seen: RequestInfo | undefined;
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext>(
    async (_event: APIGatewayProxyEventV2, context: ApiContext) => {
      seen = context.requestInfo;
      return { statusCode: 200 };
    },
  ).use(authorizeRoute(access));
  const context = { caller, input: { params: { gov }, query: {}, body: undefined, rawBody: '{}', bodySha256: 'abc123' } } as ApiContext;
  await handler(event, context);
  return seen;
}

const officer: Caller = { sub: 'fo-1', roles: ['head', 'finance_officer'], gov: '11000', dept: 'finance' };

describe('authorizeRoute middleware', () => {
  it('hands the handler who, when, from where and the body hash, acting in the admitted role', async () => {
    const event = apiEvent(route, { params: { gov: '11000' }, sourceIp: '198.51.100.4', headers: { 'Idempotency-Key': 'k-1' } });
    const info = await requestInfoSeen(governmentWrite('finance_officer'), officer, '11000', event);
    expect(info).toEqual({
      requestId: event.requestContext.requestId,
      sourceIp: '198.51.100.4',
      bodySha256: 'abc123',
      receivedAt: new Date(event.requestContext.timeEpoch).toISOString(),
      caller: officer,
      actingRole: 'finance_officer',
      headers: expect.objectContaining({ 'idempotency-key': 'k-1', 'content-type': 'application/json' }),
    });
  });

  it('answers 403 role-not-permitted for a role the route does not admit', async () => {
    await expect(problemOf(requestInfoSeen(governmentWrite('disbursing_officer'), officer, '11000'))).resolves.toMatchObject({
      status: 403,
      code: 'role-not-permitted',
    });
  });

  it('answers 403 other-government when the validated gov is not the caller’s', async () => {
    await expect(problemOf(requestInfoSeen(governmentRead('head'), officer, '26000'))).resolves.toMatchObject({
      status: 403,
      code: 'other-government',
    });
  });

  it('decides on the validated gov parameter, not on the raw path', async () => {
    // The raw path names the caller's government; the validated input names another one.
    const event = apiEvent(route, { params: { gov: '11000' } });
    await expect(problemOf(requestInfoSeen(governmentWrite('finance_officer'), officer, '26000', event))).resolves.toMatchObject({
      code: 'other-government',
    });
  });
});
