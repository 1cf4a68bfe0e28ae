import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Role } from '#shared/auth/roles.ts';
import { now } from '#shared/clock.ts';
import type { ApiHandler } from '#shared/http/api-handler.ts';
import type { Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

export interface TestCaller {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly gov?: string;
  readonly dept?: string;
}

export interface CallOptions {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string>>;
  /** Serialised as JSON unless rawBody is given. */
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly caller?: TestCaller;
  readonly headers?: Readonly<Record<string, string>>;
  readonly sourceIp?: string;
}

export interface CallResult<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string>;
}

const handlers = new Map<string, Promise<ApiHandler>>();

/** Invokes a route's real handler module with an API Gateway HTTP API v2 event carrying JWT claims. */
export async function callRoute<T = any>(route: Route, options: CallOptions = {}): Promise<CallResult<T>> {
  const handler = await loadHandler(route.handler);
  const response = (await handler(apiEvent(route, options), lambdaContext(route))) as APIGatewayProxyStructuredResultV2;
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const text = response.body ?? '';
  const json = (headers['content-type'] ?? '').includes('json') && text !== '';
  return { status: response.statusCode ?? 200, body: json ? JSON.parse(text) : text, headers };
}

export function apiEvent(route: Route, options: CallOptions = {}): APIGatewayProxyEventV2 {
  const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const claims = options.caller
    ? {
        sub: options.caller.sub,
        roles: `[${options.caller.roles.join(' ')}]`,
        ...(options.caller.gov ? { gov: options.caller.gov } : {}),
        ...(options.caller.dept ? { dept: options.caller.dept } : {}),
      }
    : undefined;
  const query = options.query ?? {};
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(Object.keys(query).length > 0 ? { queryStringParameters: { ...query } } : {}),
    ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now().toISOString(),
      timeEpoch: now().getTime(),
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '127.0.0.1', userAgent: 'vitest' },
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
  } as APIGatewayProxyEventV2;
}

function lambdaContext(route: Route): ApiContext {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: route.id,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-northeast-2:000000000000:function:${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${route.id}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function loadHandler(path: string): Promise<ApiHandler> {
  let handler = handlers.get(path);
  if (!handler) {
    const file = fileURLToPath(new URL(`../../functions/${path}.ts`, import.meta.url));
    handler = import(/* @vite-ignore */ file).then((module: { handler: ApiHandler }) => module.handler);
    handlers.set(path, handler);
  }
  return handler;
}
