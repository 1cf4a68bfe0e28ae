import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Route } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { logger } from '#shared/powertools/logger.ts';

/**
 * One log line per request: the request id, the operation, the caller's subject id and the status.
 * Nothing else about the request is logged (no headers, no token, no body, no source IP): bodies
 * carry personal data (payees, payers) and the audit trail, not the log, records who sent what.
 * Registered before problemResponse so that its error hook sees the status problemResponse set.
 */
export const requestLog = (route: Route): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => {
  const done = (status: number, subject: string | undefined): void =>
    logger.info('request completed', { status, subject: subject ?? 'anonymous' });
  return {
    before: async (request) => {
      logger.appendKeys({ requestId: request.event.requestContext.requestId, operation: route.id });
    },
    after: async (request) => done(statusOf(request.response), request.context.caller?.sub),
    onError: async (request) => done(statusOf(request.response), request.context.caller?.sub),
  };
};

function statusOf(response: APIGatewayProxyResultV2 | undefined | null): number {
  return typeof response === 'object' && response !== null ? (response.statusCode ?? 200) : 200;
}
