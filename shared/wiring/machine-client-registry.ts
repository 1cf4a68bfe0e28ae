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
  return cachedPerInstance(async (clientId): Promise<MachineClient | undefined> => {
    const found = await find(clientId);
    return found?.status === 'active' ? { role: found.role, govs: found.govs } : undefined;
  }, now);
}

/**
 * `read` with each key's answer (or its absence) kept for {@link registrationCacheMs}; `forget`
 * drops one key's answer, so the next call reads again. The registries' per-instance cache.
 */
export function cachedPerInstance<T>(read: (key: string) => Promise<T>, now: () => number) {
  const cache = new Map<string, { value: T; at: number }>();
  const lookup = async (key: string): Promise<T> => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < registrationCacheMs) return hit.value;
    const value = await read(key);
    cache.set(key, { value, at: now() });
    return value;
  };
  return Object.assign(lookup, { forget: (key: string) => void cache.delete(key) });
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
