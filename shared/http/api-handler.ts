import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Caller } from '#shared/auth/caller.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { BodyOf, ParamsOf, QueryOf, Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { authenticate } from '#shared/middleware/authenticate.ts';
import { authorizeRoute } from '#shared/middleware/authorize-route.ts';
import { concurrentRolesGuard } from '#shared/middleware/concurrent-roles.ts';
import { privateAnswers } from '#shared/middleware/private-answers.ts';
import { problemResponse } from '#shared/middleware/problem-response.ts';
import { requestLog } from '#shared/middleware/request-log.ts';
import { requestMetrics } from '#shared/middleware/request-metrics.ts';
import { validateRequest } from '#shared/middleware/validate-request.ts';
import { verifyOrigin } from '#shared/middleware/verify-origin.ts';
import { registeredMachineClient } from '#shared/wiring/machine-client-registry.ts';
import { residentGovernment } from '#shared/wiring/resident-registry.ts';
import type { MachineClient } from '#shared/auth/machine-clients.ts';
import { logger } from '#shared/powertools/logger.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { tracer } from '#shared/powertools/tracer.ts';

export interface ApiInput<R extends Route> {
  readonly params: ParamsOf<R>;
  readonly query: QueryOf<R>;
  readonly body: BodyOf<R>;
  readonly caller: Caller | undefined;
  readonly request: RequestInfo;
}

export interface ApiResult {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw (non-JSON) body; sent as is with the given content-type header. */
  readonly raw?: string;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context: ApiContext) => Promise<APIGatewayProxyResultV2>;

/**
 * The middleware stack of every API handler: Powertools logging, tracing and metrics, one log line
 * per request, `private, no-store` on a protected route's answers, problem+json errors, the CloudFront origin check (aws), authentication, request validation, then the route's access rule
 * and the 겸직 guard (middleware/concurrent-roles.ts). The handler receives
 * validated input and returns a status and a body.
 */
export function apiHandler<R extends Route>(route: R, handle: (input: ApiInput<R>) => Promise<ApiResult>): ApiHandler {
  // Machine clients and residents registered in the table act here (the platform routes below have no table).
  return middlewareStack(route, handle, { machine: registeredMachineClient, residentGovernment }).use(
    concurrentRolesGuard(route.access, route.id),
  ) as unknown as ApiHandler;
}

/**
 * The same stack for the platform's own documents (OpenAPI, /docs, /health) and the classification
 * code tables: public, about no government's data, so without the 겸직 guard (and the table read it
 * may need; infra/cdk/permissions.ts grants these routes nothing).
 */
export function platformHandler<R extends Route>(route: R, handle: (input: ApiInput<R>) => Promise<ApiResult>): ApiHandler {
  return middlewareStack(route, handle) as unknown as ApiHandler;
}

function middlewareStack<R extends Route>(
  route: R,
  handle: (input: ApiInput<R>) => Promise<ApiResult>,
  registries: {
    readonly machine?: (clientId: string) => Promise<MachineClient | undefined>;
    readonly residentGovernment?: (subject: string) => Promise<string | undefined>;
  } = {},
) {
  const run = async (_event: APIGatewayProxyEventV2, context: ApiContext): Promise<APIGatewayProxyResultV2> => {
    const input = context.input;
    const request = context.requestInfo;
    if (!input || !request) throw new Error('api middlewares did not run');
    logger.appendKeys({ subject: request.caller?.sub });
    const result = await handle({
      params: input.params as ParamsOf<R>,
      query: input.query as QueryOf<R>,
      body: input.body as BodyOf<R>,
      caller: request.caller,
      request,
    });
    return toHttpResponse(result, route.status ?? 200);
  };

  return (
    middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext>(run)
      // Events and responses carry tokens and personal data: never logged, never put in traces,
      // whatever POWERTOOLS_LOGGER_LOG_EVENT or POWERTOOLS_TRACER_CAPTURE_RESPONSE say.
      .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
      .use(captureLambdaHandler(tracer, { captureResponse: false }))
      .use(logMetrics(metrics))
      .use(requestMetrics())
      .use(requestLog(route))
      // Answers of protected routes: private, no-store (CloudFront caches paths they share with open data).
      .use(privateAnswers(route.access))
      .use(problemResponse())
      // aws: only requests through CloudFront (its origin header) go further (issue #19, finding 7).
      .use(verifyOrigin())
      .use(authenticate(route.access, registries.machine, registries.residentGovernment))
      .use(validateRequest(route))
      .use(authorizeRoute(route.access))
  );
}

function toHttpResponse(result: ApiResult, defaultStatus: number): APIGatewayProxyResultV2 {
  const statusCode = result.status ?? defaultStatus;
  if (result.raw !== undefined) return { statusCode, headers: { ...result.headers }, body: result.raw };
  if (result.body === undefined) return { statusCode, headers: { ...result.headers } };
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...result.headers },
    body: JSON.stringify(result.body, bigintAsString),
  };
}

/** Totals that can exceed 2^53 are bigint in code and decimal strings on the wire. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
