import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Access } from '#shared/auth/access.ts';

/** What every answer of a protected route carries: for its caller alone, stored by no cache. */
export const privateAnswerHeaders = { 'cache-control': 'private, no-store' } as const;

/**
 * Marks every answer of a protected route (success or refusal) `private, no-store`, whatever the
 * handler set: CloudFront caches some paths that protected routes share with open data (issue #19,
 * finding 7, infra/cdk/constructs/open-data-cache.ts). Its key there holds the token, so an answer
 * could only go back to the same token; with this mark (and the cache policy's minimum TTL of 0)
 * CloudFront, a proxy or the browser keeps none at all. Public routes keep what their handler says
 * (open data: `public, max-age=300`). Registered before problemResponse so that its error hook sees
 * the answer problemResponse made.
 */
export const privateAnswers = (access: Access): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  const mark = async (request: Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2>): Promise<void> => {
    const response = request.response;
    if (access.kind === 'public' || typeof response !== 'object' || response === null) return;
    request.response = { ...response, headers: { ...response.headers, ...privateAnswerHeaders } };
  };
  return { after: mark, onError: mark };
};
