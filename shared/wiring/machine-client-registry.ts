import type { MachineClient } from '#shared/auth/machine-clients.ts';
import { findMachineClient } from '#shared/stores/registry/machine-clients.ts';

/** How long a registration (or its absence) is trusted before it is read again. */
export const registrationCacheMs = 60_000;

/**
 * The registered machine client a token's `client_id` acts for, from the table's registry (issue #19,
 * finding 10): an active registration only; a suspended or unknown client is nobody. Each function
 * instance caches answers for a minute, so a suspension takes effect within a minute everywhere
 * and a busy bank link reads its registration once a minute, not once a request.
 */
export function machineClientLookup(
  find: (clientId: string) => Promise<(MachineClient & { status: string }) | undefined> = findMachineClient,
  // read at each call, not bound once (a test's fake Date moves it)
  now: () => number = () => Date.now(),
) {
  const cache = new Map<string, { client: MachineClient | undefined; at: number }>();
  return async (clientId: string): Promise<MachineClient | undefined> => {
    const hit = cache.get(clientId);
    if (hit && now() - hit.at < registrationCacheMs) return hit.client;
    const found = await find(clientId);
    const client = found?.status === 'active' ? { role: found.role, govs: found.govs } : undefined;
    cache.set(clientId, { client, at: now() });
    return client;
  };
}

let instanceLookup: ReturnType<typeof machineClientLookup> | undefined;
/**
 * The lookup every API handler uses (one cache per function instance), made on first use: a module
 * that imports this and never calls it (the platform routes' bundles) keeps no table read.
 */
export function registeredMachineClient(clientId: string): Promise<MachineClient | undefined> {
  instanceLookup ??= machineClientLookup();
  return instanceLookup(clientId);
}
