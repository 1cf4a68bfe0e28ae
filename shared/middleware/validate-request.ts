import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { badRequest, payloadTooLarge } from '#shared/http/problem.ts';
import type { FieldError } from '#shared/http/problem.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

/** Parses and validates path, query and body against the route's zod schemas. */
export const validateRequest = (route: Route): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    const event = request.event;
    const rawBody = decodeBody(event, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const errors: FieldError[] = [];
    const params = check('params', route.params, event.pathParameters ?? {}, errors);
    const query = check('query', route.query, event.queryStringParameters ?? {}, errors);
    let body: unknown;
    if (route.body) {
      const parsed = parseJson(rawBody);
      body = check('body', route.body, parsed, errors);
    } else if (rawBody !== '') {
      errors.push({ path: 'body', message: 'this operation takes no request body', code: 'unexpected_body' });
    }
    if (errors.length > 0) throw badRequest('invalid-request', `${errors.length} invalid field(s): ${errors[0]?.path} ${errors[0]?.message}`, errors);
    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    request.context.input = { params, query, body, rawBody, bodySha256 };
  },
});

function decodeBody(event: APIGatewayProxyEventV2, limit: number): string {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > limit) throw payloadTooLarge(limit);
  return bytes.toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') throw badRequest('invalid-json', 'a JSON request body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('invalid-json', 'the request body is not valid JSON');
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
