import type { ServerOptions } from 'node:http';

/**
 * How long a connection may hold the server without a request to show for it. Node's defaults
 * (60 s for the head, 300 s for the request, checked every 30 s) let idle or trickling
 * connections pile up: 500 connections that never sent a byte were all still open after 75 s.
 */
export interface HttpTimeouts {
  /** From connection (or the previous answer) to a complete request head. */
  readonly headersMs?: number;
  /** From connection to a complete request, body included; at least headersMs. */
  readonly requestMs?: number;
  /** An idle keep-alive connection between requests. */
  readonly keepAliveMs?: number;
}

const DEFAULTS = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 } as const;

export function serverTimeoutOptions(timeouts: HttpTimeouts = {}): ServerOptions {
  const { headersMs, requestMs, keepAliveMs } = { ...DEFAULTS, ...timeouts };
  return {
    headersTimeout: headersMs,
    requestTimeout: Math.max(requestMs, headersMs),
    keepAliveTimeout: keepAliveMs,
    // Node enforces the head and request timeouts only when it sweeps its connections; sweeping
    // every second (or sooner for shorter timeouts) keeps them close to what they say.
    connectionsCheckingInterval: Math.min(1_000, headersMs),
  };
}
