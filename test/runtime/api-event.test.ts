import { describe, expect, it } from 'vitest';
import { getGovernment } from '#shared/routes/registry.ts';
import { apiGatewayEvent } from '#infra/runtime/api-event.ts';

const request = (overrides: Partial<Parameters<typeof apiGatewayEvent>[0]> = {}) => ({
  method: 'GET',
  url: '/governments/11110?tag=a&tag=b&q=%ED%95%9C',
  headers: { Host: 'localhost:3000', 'X-Trace': ['1', '2'], cookie: 'a=1; b=2', 'user-agent': 'test' },
  body: Buffer.alloc(0),
  sourceIp: '10.0.0.7',
  ...overrides,
});

describe('API Gateway HTTP API payload 2.0 event', () => {
  it('carries route key, raw path and query, lower-cased headers, cookies apart, joined query values', () => {
    const now = new Date('2025-11-25T08:50:00Z');
    const event = apiGatewayEvent(request(), getGovernment, { gov: '11110' }, undefined, { requestId: 'r-1', now });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /governments/{gov}',
      rawPath: '/governments/11110',
      rawQueryString: 'tag=a&tag=b&q=%ED%95%9C',
      cookies: ['a=1', 'b=2'],
      headers: { host: 'localhost:3000', 'x-trace': '1,2', 'user-agent': 'test' },
      queryStringParameters: { tag: 'a,b', q: '한' },
      pathParameters: { gov: '11110' },
      isBase64Encoded: false,
      requestContext: {
        requestId: 'r-1',
        routeKey: 'GET /governments/{gov}',
        stage: '$default',
        time: '25/Nov/2025:08:50:00 +0000',
        timeEpoch: now.getTime(),
        http: { method: 'GET', path: '/governments/11110', sourceIp: '10.0.0.7', userAgent: 'test' },
      },
    });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event).not.toHaveProperty('body');
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });

  it('puts verified claims in the authorizer context as API Gateway does: strings, arrays as "[a b]", scopes split', () => {
    const event = apiGatewayEvent(
      request(),
      getGovernment,
      {},
      {
        claims: { sub: 'u-1', roles: ['budget_officer', 'head'], gov: '11110', exp: 1_900_000_000, scope: 'read write' },
      },
    );
    const authorizer = (event.requestContext as unknown as { authorizer: { jwt: { claims: unknown; scopes: unknown } } }).authorizer;
    expect(authorizer.jwt.claims).toEqual({
      sub: 'u-1',
      roles: '[budget_officer head]',
      gov: '11110',
      exp: '1900000000',
      scope: 'read write',
    });
    expect(authorizer.jwt.scopes).toEqual(['read', 'write']);
  });

  it('sends text bodies as UTF-8 and binary ones base64-encoded', () => {
    const json = apiGatewayEvent(
      request({ method: 'POST', body: Buffer.from('{"a":"한"}'), headers: { 'content-type': 'application/json; charset=utf-8' } }),
      getGovernment,
      {},
      undefined,
    );
    expect(json).toMatchObject({ body: '{"a":"한"}', isBase64Encoded: false });
    const bytes = Buffer.from([0, 255, 1]);
    const binary = apiGatewayEvent(
      request({ method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } }),
      getGovernment,
      {},
      undefined,
    );
    expect(binary).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });
});
