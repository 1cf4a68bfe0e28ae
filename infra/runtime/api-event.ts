import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { now as clockNow } from '#shared/clock.ts';
import type { Route } from '#shared/http/route.ts';

export interface IncomingRequest {
  readonly method: string;
  /** Path and query as received, e.g. /governments?level=basic */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly userAgent?: string;
}

/** The claims and scopes an API Gateway JWT authorizer puts in the request context. */
export interface VerifiedToken {
  readonly claims: JWTPayload;
}

/**
 * Builds the HTTP API (payload format 2.0) event API Gateway would hand the route's Lambda:
 * lower-cased headers (repeated ones joined by commas), cookies apart, query parameters joined by
 * commas, path parameters decoded, text bodies as UTF-8 and the rest base64.
 */
export function apiGatewayEvent(
  request: IncomingRequest,
  route: Route,
  pathParameters: Readonly<Record<string, string>>,
  token: VerifiedToken | undefined,
  { requestId = randomUUID(), now = clockNow() }: { requestId?: string; now?: Date } = {},
): APIGatewayProxyEventV2 {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const headers = flattenHeaders(request.headers);
  const cookies = headers.cookie?.split(/;\s*/).filter((cookie) => cookie !== '');
  delete headers.cookie;
  const text = isTextual(headers['content-type']);
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(rawQueryString === '' ? {} : { queryStringParameters: queryParameters(rawQueryString) }),
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters: { ...pathParameters } }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
      ...(token ? { authorizer: { jwt: { claims: flattenClaims(token.claims), scopes: scopes(token.claims) } } } : {}),
    },
    isBase64Encoded: request.body.length > 0 && !text,
    ...(request.body.length === 0 ? {} : { body: text ? request.body.toString('utf8') : request.body.toString('base64') }),
  };
  return event;
}

function flattenHeaders(headers: IncomingRequest['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = typeof value === 'string' ? value : value.join(name.toLowerCase() === 'cookie' ? '; ' : ',');
  }
  return flat;
}

function queryParameters(rawQueryString: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

/** API Gateway hands claims over as strings; arrays become "[a b]". */
function flattenClaims(claims: JWTPayload): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) flat[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') flat[name] = JSON.stringify(value);
    else flat[name] = String(value);
  }
  return flat;
}

function scopes(claims: JWTPayload): string[] | null {
  const scope = claims.scope ?? claims.scp;
  if (typeof scope === 'string') return scope.split(' ').filter((s) => s !== '');
  if (Array.isArray(scope)) return scope.map(String);
  return null;
}

function isTextual(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    /[/+](json|xml)$/.test(type) ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/javascript'
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25/Nov/2025:08:50:00 +0000", the requestContext.time format. */
function apiGatewayTime(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} +0000`;
}
