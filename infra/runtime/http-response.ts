import type { ServerResponse } from 'node:http';
import { problemAnswer as problemOf } from '#shared/http/problem.ts';

/** What a handler answered, normalised from Lambda's structured or inferred v2 response forms. */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

interface StructuredResult {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/**
 * API Gateway's payload 2.0 rules: an object with statusCode is used as given; anything else is
 * a 200 JSON body (a string is sent as is).
 */
export function answerFromLambdaResult(result: unknown): HttpAnswer {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    const structured = result as StructuredResult;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    for (const [name, values] of Object.entries(structured.multiValueHeaders ?? {}))
      headers[name.toLowerCase()] = values.map(String).join(',');
    const body = structured.body ?? '';
    return {
      statusCode: structured.statusCode ?? 200,
      headers,
      cookies: structured.cookies ?? [],
      body: structured.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body, 'utf8') };
}

/** The problem+json answer to an error thrown before or around a handler (the handler's own are already answers). */
export function problemAnswer(error: unknown, instance: string): HttpAnswer {
  const problem = problemOf(error, instance);
  return {
    statusCode: problem.status,
    headers: lowerCase(problem.headers),
    cookies: [],
    body: Buffer.from(JSON.stringify(problem.body), 'utf8'),
  };
}

export function jsonAnswer(statusCode: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

export function send(response: ServerResponse, answer: HttpAnswer, requestId: string): void {
  if (response.headersSent) return;
  response.statusCode = answer.statusCode;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  if (answer.cookies.length > 0) response.setHeader('set-cookie', [...answer.cookies]);
  response.setHeader('apigw-requestid', requestId);
  response.setHeader('content-length', answer.body.length);
  response.end(answer.body);
}

const lowerCase = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
