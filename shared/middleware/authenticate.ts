import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Access } from '#shared/auth/access.ts';
import { callerFromClaims } from '#shared/auth/claims.ts';
import type { Claims } from '#shared/auth/claims.ts';
import { machineClientsEnv, parseMachineClients } from '#shared/auth/machine-clients.ts';
import type { MachineClientRegistry } from '#shared/auth/machine-clients.ts';
import { residentIssuerEnv } from '#shared/auth/resident-identity.ts';
import { unauthenticated } from '#shared/domain/refusal.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

type JwtEvent = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt?: { claims?: Claims } } } };

/**
 * Reads the caller from the JWT claims that API Gateway's authorizer (or the local runtime,
 * which verifies tokens the same way) put in the request context. Token checks happen before
 * the handler runs; this only refuses a protected route that arrives without claims.
 */
export const authenticate = (access: Access): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    const claims = (request.event as JwtEvent).requestContext.authorizer?.jwt?.claims;
    const caller = callerFromClaims(claims, machineClients(), process.env[residentIssuerEnv] || undefined);
    if (access.kind !== 'public' && !caller) throw unauthenticated('a valid bearer token is required');
    if (caller) request.context.caller = caller;
  },
});

/** The machine client registry, read at call time (tests and the runtime set it), parsed once per value. */
let parsed: { text: string | undefined; registry: MachineClientRegistry } | undefined;
function machineClients(): MachineClientRegistry {
  const text = process.env[machineClientsEnv];
  if (parsed === undefined || parsed.text !== text) parsed = { text, registry: parseMachineClients(text) };
  return parsed.registry;
}
