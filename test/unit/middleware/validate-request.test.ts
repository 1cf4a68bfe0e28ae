import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { validateRequest } from '#shared/middleware/validate-request.ts';
import { govParams, positiveWon } from '#shared/schemas/common.ts';
import { apiEvent } from '#test/support/api.ts';
import type { CallOptions } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';

const postRoute = defineRoute({
  id: 'probePost',
  method: 'POST',
  path: '/governments/{gov}/probes',
  handler: 'none',
  summary: '',
  tags: [],
  access: governmentWrite('finance_officer'),
  params: govParams,
  query: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
  body: z.strictObject({ amount: positiveWon, memo: z.string().max(100).optional(), lines: z.array(z.unknown()).optional() }),
  maxBodyBytes: 1024,
});
const getRoute = defineRoute({ ...postRoute, id: 'probeGet', method: 'GET', body: undefined });

async function validated(route: Route, options: CallOptions & { base64?: boolean }) {
  let seen: ApiContext['input'];
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext>(
    async (_event: APIGatewayProxyEventV2, context: ApiContext) => {
      seen = context.input;
      return { statusCode: 200 };
    },
  ).use(validateRequest(route));
  const event = apiEvent(route, options);
  if (options.base64 && event.body) Object.assign(event, { body: Buffer.from(event.body).toString('base64'), isBase64Encoded: true });
  await handler(event, {} as ApiContext);
  return seen;
}

const ok = { params: { gov: '11000' } };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('validateRequest middleware', () => {
  it('hands the handler parsed params, query and body with the hash of the raw body', async () => {
    const rawBody = '{"amount": 1500, "memo":"집행"}';
    expect(await validated(postRoute, { ...ok, query: { dryRun: 'true' }, rawBody })).toEqual({
      params: { gov: '11000' },
      query: { dryRun: 'true' },
      body: { amount: 1500, memo: '집행' },
      rawBody,
      bodySha256: sha256(rawBody),
    });
  });

  it('decodes base64-encoded bodies', async () => {
    expect((await validated(postRoute, { ...ok, body: { amount: 7 }, base64: true }))?.body).toEqual({ amount: 7 });
  });

  it('hashes the empty string for a request without body', async () => {
    expect((await validated(getRoute, ok))?.bodySha256).toBe(sha256(''));
  });

  it.each([
    ['an unknown field', { amount: 1, extra: true }, 'body', 'unrecognized_keys'],
    ['a negative amount', { amount: -5 }, 'body.amount', 'too_small'],
    ['a fractional amount', { amount: 1.5 }, 'body.amount', 'invalid_type'],
    ['an amount beyond 2^53', { amount: 2 ** 60 }, 'body.amount', 'too_big'],
    ['a string amount', { amount: '100' }, 'body.amount', 'invalid_type'],
    ['a missing amount', {}, 'body.amount', 'invalid_type'],
  ])('rejects %s with 400 and the field path', async (_case, body, path, code) => {
    await expect(problemOf(validated(postRoute, { ...ok, body }))).resolves.toMatchObject({
      status: 400,
      code: 'invalid-request',
      errors: expect.arrayContaining([expect.objectContaining({ path, code })]),
    });
  });

  it('rejects a bad path parameter and an unknown query parameter', async () => {
    await expect(problemOf(validated(postRoute, { params: { gov: '../11000' }, body: { amount: 1 } }))).resolves.toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ path: 'params.gov', message: 'a government code is 5 digits' })]),
    });
    await expect(
      problemOf(validated(postRoute, { ...ok, query: { dryRun: 'true', $where: '1' }, body: { amount: 1 } })),
    ).resolves.toMatchObject({
      errors: [expect.objectContaining({ path: 'query', code: 'unrecognized_keys' })],
    });
  });

  it('rejects query parameters on an operation that declares none', async () => {
    const noQuery = defineRoute({ ...getRoute, query: undefined });
    expect((await validated(noQuery, ok))?.query).toBeUndefined();
    await expect(problemOf(validated(noQuery, { ...ok, query: { anything: '1' } }))).resolves.toMatchObject({
      errors: [expect.objectContaining({ path: 'query', code: 'unexpected_query' })],
    });
  });

  it('rejects duplicate keys, even when spelled with escapes, with 400 duplicate-json-key', async () => {
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":1,"amount":900000}' }))).resolves.toMatchObject({
      status: 400,
      code: 'duplicate-json-key',
      errors: [{ path: 'body', message: 'duplicate key "amount"', code: 'duplicate_key' }],
    });
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":1,"\\u0061mount":2}' }))).resolves.toMatchObject({
      code: 'duplicate-json-key',
    });
    await expect(
      problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":1,"lines":[{"a":1},{"b":1,"b":2}]}' })),
    ).resolves.toMatchObject({
      errors: [expect.objectContaining({ path: 'body.lines.1' })],
    });
  });

  it('rejects nesting deeper than 64 levels with 400 json-too-deep, and accepts 64', async () => {
    const nested = (depth: number) => `{"amount":1,"lines":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect((await validated(postRoute, { ...ok, rawBody: nested(64) }))?.body).toMatchObject({ amount: 1 });
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: nested(65) }))).resolves.toMatchObject({
      status: 400,
      code: 'json-too-deep',
    });
  });

  it('rejects __proto__ keys and unpaired surrogates', async () => {
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":1,"__proto__":{"admin":true}}' }))).resolves.toMatchObject({
      code: 'forbidden-json-key',
    });
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":1,"memo":"\\ud800"}' }))).resolves.toMatchObject({
      code: 'invalid-unicode',
      errors: [expect.objectContaining({ path: 'body.memo' })],
    });
  });

  it('rejects a body that is not JSON, a missing body, and a body where none is expected', async () => {
    await expect(problemOf(validated(postRoute, { ...ok, rawBody: '{"amount":' }))).resolves.toMatchObject({ code: 'invalid-json' });
    await expect(problemOf(validated(postRoute, ok))).resolves.toMatchObject({ code: 'invalid-json' });
    await expect(problemOf(validated(getRoute, { ...ok, rawBody: '{}' }))).resolves.toMatchObject({
      errors: [expect.objectContaining({ code: 'unexpected_body' })],
    });
  });

  it('rejects a body over the route’s limit with 413, counting bytes not characters', async () => {
    const memo = '가'.repeat(340); // 1,020 bytes of UTF-8, 340 characters
    await expect(problemOf(validated(postRoute, { ...ok, body: { amount: 1, memo } }))).resolves.toMatchObject({
      status: 413,
      code: 'payload-too-large',
    });
  });
});
