import { Server } from 'node:net';

/**
 * fauxqs's startFauxqs() listens on 0.0.0.0 whatever `host` it is given. While `start` runs, a
 * listen on all interfaces is narrowed to the requested host, so the embedded engines stay on
 * loopback unless asked otherwise. Only the wildcard is rewritten: a listen that names a host keeps it.
 */
export async function listeningOn<T>(host: string, start: () => Promise<T>): Promise<T> {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    const [options] = args;
    if (typeof options === 'object' && options !== null && (options as { host?: string }).host === '0.0.0.0') {
      args[0] = { ...options, host };
    }
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
  try {
    return await start();
  } finally {
    Server.prototype.listen = listen;
  }
}
