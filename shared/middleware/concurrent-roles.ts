import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Access } from '#shared/auth/access.ts';
import { checkConcurrentRoles } from '#shared/application/registry/concurrent-roles.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

/**
 * 겸직 (지방회계법 제23조, 제36조) on every operation of a government's data, after the route's own
 * access rule: a caller whose roles hold two duties the law keeps apart acts only under an exception
 * its government recorded (shared/domain/registry/concurrent-roles.ts). The exceptions it uses ride on
 * the request info, so every audit record the operation writes — in the operation's own transaction —
 * logs them (회계령 제46조 and 제25조 used, by whom, in which office of which 정원). The same read
 * enforces the 재정보증 (지방회계법 제50조) at the operations shared/domain/registry/fidelity-guarantee.ts lists.
 */
export const concurrentRolesGuard = (
  access: Access,
  operation: string,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    if (access.kind === 'public') return;
    const params = request.context.input?.params as { gov?: string } | undefined;
    const info = request.context.requestInfo;
    const uses = await checkConcurrentRoles(request.context.caller, params?.gov, { operation, role: info?.actingRole });
    if (uses.length > 0 && info) request.context.requestInfo = { ...info, exceptionUses: uses };
  },
});
