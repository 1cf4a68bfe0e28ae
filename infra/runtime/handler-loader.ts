import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const projectRoot = new URL('../../', import.meta.url);

// Outside Lambda, Powertools never traces; in its default automatic mode the X-Ray SDK would still
// install an async hook (cls-hooked) that costs something on every promise of every handler.
process.env.AWS_XRAY_MANUAL_MODE ??= 'true';
const cache = new Map<string, Promise<LambdaHandler>>();

/**
 * Imports a handler module once and returns its `handler` export. `handler` is the path under
 * functions/ without extension ('registry/get-government'), as routes, queues and schedules
 * declare it; a path ending in .ts is taken relative to the project root (test fixtures).
 */
export function loadHandler(handler: string): Promise<LambdaHandler> {
  let loaded = cache.get(handler);
  if (!loaded) {
    loaded = importHandler(handler);
    cache.set(handler, loaded);
    loaded.catch(() => cache.delete(handler));
  }
  return loaded;
}

async function importHandler(handler: string): Promise<LambdaHandler> {
  const url = handler.endsWith('.ts') ? resolveFile(handler) : new URL(`functions/${handler}.ts`, projectRoot);
  const module = (await import(url.href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${handler} does not export a handler function`);
  return module.handler as LambdaHandler;
}

const resolveFile = (path: string): URL => (path.startsWith('/') ? pathToFileURL(path) : new URL(path, projectRoot));
