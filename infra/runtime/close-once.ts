import type { Server } from 'node:http';

/**
 * The stop of an HTTP server, once: it stops accepting, closes the idle keep-alive connections and
 * resolves when the last open one ends; a second call answers the same promise.
 */
export function closeOnce(server: Server): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
    return closing;
  };
}
