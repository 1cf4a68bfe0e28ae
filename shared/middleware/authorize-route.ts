import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Access } from '#shared/auth/access.ts';
import { authorize } from '#shared/auth/authorize.ts';
import { forbidden } from '#shared/domain/refusal.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

/**
 * Applies the route's access rule. The target government is the validated `gov` path parameter,
 * so tenant isolation cannot be skipped by a handler that forgets it.
 */
export const authorizeRoute = (access: Access): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    const params = request.context.input?.params as { gov?: string } | undefined;
    const decision = authorize(access, request.context.caller, params?.gov);
    if (!decision.allowed) throw forbidden(decision.code, decision.detail);
    const event = request.event;
    const input = request.context.input;
    request.context.requestInfo = {
      requestId: event.requestContext.requestId,
      sourceIp: event.requestContext.http.sourceIp,
      bodySha256: input?.bodySha256 ?? '',
      receivedAt: new Date(event.requestContext.timeEpoch).toISOString(),
      caller: request.context.caller,
      actingRole: decision.actingRole,
      headers: lowerCaseHeaders(event.headers),
    };
  },
});

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers']): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
