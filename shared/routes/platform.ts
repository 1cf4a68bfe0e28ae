import { nationalRead, publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { healthReport, noQuery, openApiDocument, shallowHealth } from '#shared/schemas/platform.ts';

const tags = ['Platform'];

export const getHealth = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  handler: 'platform/health',
  summary: 'The API answers (liveness); no dependency is named or called',
  description:
    'Public and shallow (issue #19, finding 7): it names no table, queue or account and calls no dependency, so polling it costs nothing behind the API. Operators read GET /health/dependencies.',
  tags,
  access: publicAccess,
  query: noQuery,
  response: shallowHealth,
});

export const getHealthDependencies = defineRoute({
  id: 'getHealthDependencies',
  method: 'GET',
  path: '/health/dependencies',
  handler: 'platform/health-dependencies',
  summary: 'Reachability and latency of every dependency (table, queues with their depth, bucket) and the archive Object Lock',
  description:
    "For the national operators: answers 503 with the same body when any dependency is down, and `degraded` (200) when all answer but the archive's Object Lock or versioning is missing or unconfirmed.",
  tags,
  access: nationalRead('ministry'),
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
