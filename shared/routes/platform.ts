import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { healthReport, noQuery, openApiDocument } from '#shared/schemas/platform.ts';

const tags = ['Platform'];

export const getHealth = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  handler: 'platform/health',
  summary: 'Reachability and latency of every dependency (table, queues, bucket)',
  description: 'Answers 503 with the same body when any dependency is down.',
  tags,
  access: publicAccess,
  query: noQuery,
  response: healthReport,
});

export const getOpenApi = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'platform/openapi',
  summary: 'This API as an OpenAPI 3.1 document',
  tags,
  access: publicAccess,
  query: noQuery,
  response: openApiDocument,
});

export const getDocs = defineRoute({
  id: 'getDocs',
  method: 'GET',
  path: '/docs',
  handler: 'platform/docs',
  summary: 'The API reference as an HTML page',
  tags,
  access: publicAccess,
  query: noQuery,
  produces: 'text/html',
});
