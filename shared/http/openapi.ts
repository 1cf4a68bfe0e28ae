import * as z from 'zod';
import type { Route } from '#shared/http/route.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#shared/http/route.ts';
import { problemCodes } from '#shared/domain/problem-codes.ts';
import { glossaryDescription } from '#shared/http/parameter-glossary.ts';
import { koreanSummaries } from '#shared/routes/korean-summaries.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  readonly title?: string;
  readonly version?: string;
  /** Base URL of the API (stage URL in AWS, the runtime's URL locally); '/' when unknown. */
  readonly serverUrl?: string;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string }[];
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly securitySchemes: Record<string, unknown> };
}

const PROBLEM_JSON = 'application/problem+json';
const BEARER = 'bearerJwt';
const problemRef = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 problem details as `shared/http/problem.ts` writes them. */
const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(keysOf(problemCodes)).describe('stable machine-readable identifier; the list with meanings is on /docs'),
  detail: z.string().optional(),
  instance: z.string().optional().describe('the request id'),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  context: z.record(z.string(), z.unknown()).optional().describe('the rule and the numbers of a business rule violation'),
});

/**
 * The OpenAPI 3.1 document of the API, generated from the same route declarations and zod
 * schemas the handlers validate with: request parts as zod's input types, responses as output.
 */
export function openApiDocument(routes: readonly Route[], options: OpenApiOptions = {}): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'hojo API',
      version: options.version ?? '0.1.0',
      description:
        'Local public finance for Korean local governments: budget, expenditure, revenue, accrual accounting and settlement. ' +
        'Amounts are exact integer won; totals that can exceed 2^53 are decimal strings. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: [...new Set(routes.flatMap((route) => route.tags))].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'JWT with sub, roles, gov and dept claims' },
      },
    },
  };
}

function operation(route: Route): Record<string, unknown> {
  const isPublic = route.access.kind === 'public';
  const successStatus = String(route.status ?? 200);
  return {
    operationId: route.id,
    summary: route.summary,
    ...(koreanSummaries[route.id] ? { 'x-summary-ko': koreanSummaries[route.id] } : {}),
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    ...(isPublic ? { security: [] } : { security: [{ [BEARER]: [] }] }),
    'x-access': accessDescription(route),
    parameters: [...pathParameters(route), ...queryParameters(route), ...headerParameters(route)],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            description: `at most ${route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`,
            content: { [route.bodyMediaType ?? 'application/json']: { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [successStatus]: successResponse(route),
      ...problemResponses(route),
    },
  };
}

function successResponse(route: Route): Record<string, unknown> {
  if (route.produces) return { description: 'Success', content: { [route.produces]: { schema: { type: 'string' } } } };
  if (!route.response) return { description: 'Success' };
  return { description: 'Success', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } };
}

function problemResponses(route: Route): Record<string, unknown> {
  const problem = (description: string) => ({ description, content: { [PROBLEM_JSON]: { schema: problemRef } } });
  return {
    '400': problem('Invalid request: the errors list names each invalid field'),
    ...(route.access.kind === 'public'
      ? {}
      : {
          '401': problem('Missing, expired or invalid bearer token'),
          '403': problem('Role, tenant or segregation-of-duties rule refuses the caller'),
        }),
    ...(route.path.includes('{') ? { '404': problem('Not found') } : {}),
    ...(route.body ? { '413': problem('Request body too large') } : {}),
    default: problem('Business rule violation (409, 422) or internal error (500, names only the request id)'),
  };
}

function pathParameters(route: Route): Record<string, unknown>[] {
  const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1] ?? '');
  const schema = route.params ? jsonSchema(route.params, 'input') : {};
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
    ...describe(name, properties[name]),
  }));
}

function queryParameters(route: Route): Record<string, unknown>[] {
  if (!route.query) return [];
  const schema = jsonSchema(route.query, 'input');
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...describe(name, property),
  }));
}

function headerParameters(route: Route): Record<string, unknown>[] {
  return (route.headers ?? []).map((header) => ({
    name: header.name,
    in: 'header',
    required: header.required,
    description: header.description,
    schema: { type: 'string' },
  }));
}

function accessDescription(route: Route): Record<string, unknown> {
  const access = route.access;
  if (access.kind === 'public') return { kind: 'public' };
  if (access.kind === 'national') return { kind: 'national', roles: [...access.roles] };
  return { kind: 'government', roles: [...access.roles], write: access.write };
}

/** The parameter's own description, else the glossary's (Korean — English). */
function describe(name: string, schema: JsonSchema | undefined): Record<string, unknown> {
  const description = typeof schema?.description === 'string' ? schema.description : glossaryDescription(name);
  return description === undefined ? {} : { description };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}
