import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { governmentRead } from '#shared/auth/access.ts';
import { forbidden } from '#shared/domain/refusal.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { problemResponse } from '#shared/middleware/problem-response.ts';
import { requestLog } from '#shared/middleware/request-log.ts';
import { logger } from '#shared/powertools/logger.ts';
import { apiEvent } from '#test/support/api.ts';

const route = defineRoute({
  id: 'probeRoute',
  method: 'GET',
  path: '/probe',
  handler: 'none',
  summary: '',
  tags: [],
  access: governmentRead('head'),
});

async function logged(outcome: () => Promise<APIGatewayProxyResultV2>, caller?: ApiContext['caller']) {
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const keys = vi.spyOn(logger, 'appendKeys');
  const event = apiEvent(route, { headers: { Authorization: 'Bearer secret-token' }, body: { counterparty: 'someone' } });
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext>(outcome)
    .use(requestLog(route))
    .use(problemResponse());
  await handler(event, { caller } as ApiContext);
  return {
    requestId: event.requestContext.requestId,
    keys: keys.mock.calls,
    completed: info.mock.calls.filter(([message]) => message === 'request completed'),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('requestLog middleware', () => {
  it('keys every log line of the request with its id and operation, and logs one completion line', async () => {
    const { requestId, keys, completed } = await logged(async () => ({ statusCode: 201 }), {
      sub: 'u-1',
      roles: ['head'],
      gov: '11000',
      dept: undefined,
    });
    expect(keys).toContainEqual([{ requestId, operation: 'probeRoute' }]);
    expect(completed).toEqual([['request completed', { status: 201, subject: 'u-1' }]]);
  });

  it('logs the status problemResponse gave a refused request', async () => {
    const { completed } = await logged(async () => {
      throw forbidden('other-government', 'no');
    });
    expect(completed).toEqual([['request completed', { status: 403, subject: 'anonymous' }]]);
  });

  it('puts nothing of the request but ids into the log', async () => {
    const { keys, completed } = await logged(async () => ({ statusCode: 200 }));
    const text = JSON.stringify([keys, completed]);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('someone');
    expect(text).not.toContain('127.0.0.1');
  });
});
