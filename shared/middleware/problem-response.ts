import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { Problem } from '#shared/http/problem.ts';
import { logger } from '#shared/powertools/logger.ts';

const PROBLEM_JSON = 'application/problem+json';

/**
 * Turns every error into an RFC 9457 response. A Problem keeps its status, code and detail;
 * anything else becomes a 500 that names only the request id: no stack, no message leaks.
 */
export const problemResponse = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const error = request.error;
    const instance = request.event?.requestContext?.requestId ?? request.context?.awsRequestId;
    const problem =
      error instanceof Problem
        ? error
        : new Problem({
            status: 500,
            code: 'internal-error',
            title: 'Internal error',
            detail: `the request failed; quote request id ${instance} to the operators`,
          });
    if (problem.status >= 500) logger.error('request failed', { error: error as Error });
    else logger.info('request refused', { status: problem.status, code: problem.code });
    request.response = {
      statusCode: problem.status,
      headers: { 'content-type': PROBLEM_JSON, ...problem.headers },
      body: JSON.stringify(problem.toJSON(instance)),
    };
  },
});
