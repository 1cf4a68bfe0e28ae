import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Access } from '#shared/auth/access.ts';
import { callerFromClaims, isResident } from '#shared/auth/claims.ts';
import type { Claims } from '#shared/auth/claims.ts';
import { machineClientsEnv, parseMachineClients } from '#shared/auth/machine-clients.ts';
import type { MachineClient, MachineClientRegistry } from '#shared/auth/machine-clients.ts';
import { residentIssuerEnv } from '#shared/auth/resident-identity.ts';
import { unauthenticated } from '#shared/domain/refusal.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';

type JwtEvent = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt?: { claims?: Claims } } } };

/**
 * Reads the caller from the JWT claims that API Gateway's authorizer (or the local runtime,
 * which verifies tokens the same way) put in the request context. Token checks happen before
 * the handler runs; this only refuses a protected route that arrives without claims. A resident's
 * government is the residents' registry's (`residentGovernment`; API handlers only), read for the
 * routes that need a caller; on public routes, and without the registry, a resident is of no government.
 */
export const authenticate = (
  access: Access,
  registered?: (clientId: string) => Promise<MachineClient | undefined>,
  residentGovernment?: (subject: string) => Promise<string | undefined>,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext> => ({
  before: async (request) => {
    const claims = (request.event as JwtEvent).requestContext.authorizer?.jwt?.claims;
    // A machine client of several governments acts for the one the path names, if it is one of them.
    const pathGov = request.event.pathParameters?.gov;
    const caller = callerFromClaims(claims, await machinesFor(claims, registered), process.env[residentIssuerEnv] || undefined, pathGov);
    if (access.kind !== 'public' && !caller) throw unauthenticated('a valid bearer token is required');
    if (caller && isResident(caller) && residentGovernment && access.kind !== 'public')
      request.context.caller = { ...caller, gov: await residentGovernment(caller.sub) };
    else if (caller) request.context.caller = caller;
  },
});

/**
 * The configured machine clients (`HOJO_MACHINE_CLIENTS`) and, for a machine token whose client is
 * not among them, its registration in the table's registry (`registered`; API handlers only, the
 * platform routes have no table), issue #19 finding 10.
 */
async function machinesFor(
  claims: Claims | undefined,
  registered: ((clientId: string) => Promise<MachineClient | undefined>) | undefined,
): Promise<MachineClientRegistry> {
  const configured = machineClients();
  const clientId = claims?.client_id;
  if (!registered || typeof clientId !== 'string' || clientId !== claims?.sub || configured.has(clientId)) return configured;
  const registration = await registered(clientId);
  return registration ? new Map([...configured, [clientId, registration]]) : configured;
}

/** The machine client registry, read at call time (tests and the runtime set it), parsed once per value. */
let parsed: { text: string | undefined; registry: MachineClientRegistry } | undefined;
function machineClients(): MachineClientRegistry {
  const text = process.env[machineClientsEnv];
  if (parsed === undefined || parsed.text !== text) parsed = { text, registry: parseMachineClients(text) };
  return parsed.registry;
}
