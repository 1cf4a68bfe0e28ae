import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { invalid, payloadTooLarge, refusal, Refused } from '#shared/domain/refusal.ts';
import type { FieldError } from '#shared/domain/refusal.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { findJsonStructureFault } from '#shared/middleware/json-structure.ts';
import type { JsonStructureFault } from '#shared/middleware/json-structure.ts';

/** Parses and validates path, query and body against the route's zod schemas. */
export const validateRequest = (route: Route): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    const event = request.event;
    const rawBody = decodeBody(event, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const errors: FieldError[] = [];
    const params = check('params', route.params, event.pathParameters ?? {}, errors);
    const rawQuery = event.queryStringParameters ?? {};
    const query = check('query', route.query, rawQuery, errors);
    if (!route.query && Object.keys(rawQuery).length > 0) {
      errors.push({ path: 'query', message: 'this operation takes no query parameters', code: 'unexpected_query' });
    }
    let body: unknown;
    if (route.body && route.bodyMediaType === 'text/csv') {
      requireMediaType(event, 'text/csv');
      body = check('body', route.body, rawBody, errors);
    } else if (route.body) {
      const parsed = parseJson(rawBody);
      body = check('body', route.body, parsed, errors);
    } else if (rawBody !== '') {
      errors.push({ path: 'body', message: 'this operation takes no request body', code: 'unexpected_body' });
    }
    if (errors.length > 0)
      throw invalid('invalid-request', `${errors.length} invalid field(s): ${errors[0]?.path} ${errors[0]?.message}`, errors);
    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    request.context.input = { params, query, body, rawBody, bodySha256 };
  },
});

function requireMediaType(event: APIGatewayProxyEventV2, mediaType: string): void {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (header.split(';')[0]?.trim().toLowerCase() !== mediaType) {
    throw new Refused(refusal('unsupported-media', 'unsupported-media-type', `this operation takes a ${mediaType} body`));
  }
}

function decodeBody(event: APIGatewayProxyEventV2, limit: number): string {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > limit) throw payloadTooLarge(limit);
  return bytes.toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') throw invalid('invalid-json', 'a JSON request body is required');
  const fault = findJsonStructureFault(text, 'body');
  if (fault) throw structureProblem(fault);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('invalid-json', 'the request body is not valid JSON');
  }
}

function check(location: string, schema: z.ZodType | undefined, value: unknown, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    errors.push({ path: [location, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code });
  }
  return undefined;
}

function structureProblem(fault: JsonStructureFault) {
  switch (fault.kind) {
    case 'duplicate-key':
      return invalid('duplicate-json-key', `key ${quoted(fault.key)} appears more than once in ${fault.path}`, [
        { path: fault.path, message: `duplicate key ${quoted(fault.key)}`, code: 'duplicate_key' },
      ]);
    case 'forbidden-key':
      return invalid('forbidden-json-key', `key ${quoted(fault.key)} is not accepted (in ${fault.path})`, [
        { path: fault.path, message: `forbidden key ${quoted(fault.key)}`, code: 'forbidden_key' },
      ]);
    case 'too-deep':
      return invalid('json-too-deep', `the request body nests deeper than ${fault.maxDepth} levels`, [
        { path: fault.path, message: `nesting deeper than ${fault.maxDepth}`, code: 'too_deep' },
      ]);
    case 'ill-formed-unicode':
      return invalid('invalid-unicode', `a string in ${fault.path} contains an unpaired UTF-16 surrogate`, [
        { path: fault.path, message: 'unpaired surrogate', code: 'invalid_unicode' },
      ]);
  }
}

/** Keys are caller-supplied: echo a bounded, escaped form of them. */
function quoted(key: string): string {
  return JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);
}
