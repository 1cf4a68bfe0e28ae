import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { problemAnswer } from '#shared/http/problem.ts';
import { logger } from '#shared/powertools/logger.ts';

/**
 * Turns every error into an RFC 9457 response. A Refusal keeps its code, detail and context;
 * anything else becomes a 500 that names only the request id: no stack, no message leaks.
 */
export const problemResponse = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const error = request.error;
    const instance = request.event?.requestContext?.requestId ?? request.context?.awsRequestId;
    const answer = problemAnswer(error, instance);
    if (answer.status >= 500) logger.error('request failed', { error: error as Error });
    else logger.info('request refused', { status: answer.status, code: answer.code });
    request.response = { statusCode: answer.status, headers: { ...answer.headers }, body: JSON.stringify(answer.body) };
  },
});
