import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { publicAccess } from '#shared/auth/access.ts';
import { invalid, payloadTooLarge, Refused, refusal, unprocessable } from '#shared/domain/refusal.ts';
import { defineRoute } from '#shared/http/route.ts';
import { problemResponse } from '#shared/middleware/problem-response.ts';
import { apiEvent } from '#test/support/api.ts';

const route = defineRoute({ id: 'probe', method: 'GET', path: '/probe', handler: 'none', summary: '', tags: [], access: publicAccess });

async function responseTo(error: unknown) {
  const event = apiEvent(route);
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(async () => {
    throw error;
  }).use(problemResponse());
  const response = (await handler(event, {} as never)) as APIGatewayProxyStructuredResultV2;
  return { response, body: JSON.parse(response.body ?? '{}'), requestId: event.requestContext.requestId };
}

describe('problemResponse middleware', () => {
  it('turns a Refused into RFC 9457 problem+json with its status, stable code, detail and context', async () => {
    const { response, body, requestId } = await responseTo(
      unprocessable('allotment-exceeds-budget', 'the commitment exceeds the allotment', {
        rule: 'committed <= allotted',
        allotted: 100,
        requested: 120,
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(body).toEqual({
      type: 'https://hojo.dev/problems/allotment-exceeds-budget',
      title: 'Unprocessable content',
      status: 422,
      code: 'allotment-exceeds-budget',
      detail: 'the commitment exceeds the allotment',
      instance: requestId,
      context: { rule: 'committed <= allotted', allotted: 100, requested: 120 },
    });
  });

  it('keeps the field errors of a validation problem', async () => {
    const problem = invalid('invalid-request', '1 invalid field(s)', [{ path: 'body.amount', message: 'too small', code: 'too_small' }]);
    const { body } = await responseTo(problem);
    expect(body.errors).toEqual([{ path: 'body.amount', message: 'too small', code: 'too_small' }]);
  });

  it('adds the headers a problem carries', async () => {
    const problem = new Refused(refusal('unauthenticated', 'unauthorized', 'a token is required'), { 'www-authenticate': 'Bearer' });
    const { response } = await responseTo(problem);
    expect(response.headers).toEqual({ 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' });
    expect((await responseTo(payloadTooLarge(10))).body.code).toBe('payload-too-large');
  });

  it('answers any other error with a generic 500 that leaks neither message nor stack', async () => {
    const { response, body, requestId } = await responseTo(new Error('ConditionalCheckFailed on pk=SECRET#1 token=eyJhbGciOi'));
    expect(response.statusCode).toBe(500);
    expect(body).toEqual({
      type: 'https://hojo.dev/problems/internal-error',
      title: 'Internal error',
      status: 500,
      code: 'internal-error',
      detail: `the request failed; quote request id ${requestId} to the operators`,
      instance: requestId,
    });
    expect(response.body).not.toContain('SECRET');
    expect(response.body).not.toContain('eyJ');
  });
});
