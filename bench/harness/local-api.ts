import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime, RuntimeOptions } from '#infra/runtime/runtime.ts';
import type { TokenRequest } from '#infra/runtime/jwt/dev-issuer.ts';

export interface LocalApi {
  readonly url: string;
  readonly runtime: Runtime;
  /** A bearer token from the runtime's development issuer. */
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The local runtime's HTTP API on a free 127.0.0.1 port, in this process, with its own dev issuer;
 * queue pollers and schedules only when asked (sections that measure the API alone leave them off).
 * With a `dataDir` the issuer's key is kept there, so a clustered API (api-cluster.ts) on the same
 * directory accepts the same tokens.
 */
export async function startLocalApi(
  options: Pick<RuntimeOptions, 'pollQueues' | 'queues' | 'concurrency' | 'waitTimeSeconds' | 'dataDir'> = {},
): Promise<LocalApi> {
  const runtime = await startRuntime({ port: 0, host: '127.0.0.1', runSchedules: false, pollQueues: false, ...options });
  const issuer = runtime.auth.devIssuer;
  if (!issuer) throw new Error('the local runtime has no development issuer (HOJO_JWKS_URL is set?)');
  return { url: runtime.url, runtime, token: (request) => issuer.sign({ ttlSeconds: 3600, ...request }), stop: () => runtime.stop() };
}
