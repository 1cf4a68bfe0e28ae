import type { ConsoleConfig } from '#infra/console/config.ts';
import { buildConsole } from '#infra/console/build.ts';
import type { ConsoleAsset } from '#infra/console/build.ts';
import type { HttpAnswer } from '#infra/runtime/http-response.ts';

/** Where the runtime serves the web console. */
export const CONSOLE_PREFIX = '/console';

export interface ConsoleSite {
  /** Answers GET/HEAD under /console; undefined for any other path. */
  serve(path: string): Promise<HttpAnswer> | undefined;
}

/**
 * Content security: scripts and styles from the console's own origin only (no CDN, no inline
 * script), API calls to the origins of the API and the identity provider's token endpoint, no
 * framing. chart.js sizes its canvas through the style property, which `style-src 'self'` allows.
 */
export function consoleContentSecurity(config: ConsoleConfig): string {
  const connect = new Set(["'self'"]);
  for (const url of [config.apiBase, config.signIn?.tokenEndpoint, config.signIn?.issuer]) {
    if (url && /^https?:\/\//.test(url)) connect.add(new URL(url).origin);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${[...connect].join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The console as the runtime serves it: built on the first request (esbuild, in memory, well
 * under a second) and kept; `config.json` from the runtime's own configuration.
 */
export function createConsoleSite(config: ConsoleConfig, build: () => Promise<ConsoleAsset[]> = buildConsole): ConsoleSite {
  let assets: Promise<Map<string, ConsoleAsset>> | undefined;
  const security = consoleContentSecurity(config);
  const headers = (contentType: string) => ({
    'content-type': contentType,
    'cache-control': 'no-cache',
    'content-security-policy': security,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  return {
    serve(path) {
      if (path !== CONSOLE_PREFIX && !path.startsWith(`${CONSOLE_PREFIX}/`)) return undefined;
      if (path === CONSOLE_PREFIX)
        return Promise.resolve({ statusCode: 301, headers: { location: `${CONSOLE_PREFIX}/` }, cookies: [], body: Buffer.alloc(0) });
      const name = path.slice(CONSOLE_PREFIX.length + 1) || 'index.html';
      if (name === 'config.json')
        return Promise.resolve({
          statusCode: 200,
          headers: headers('application/json'),
          cookies: [],
          body: Buffer.from(JSON.stringify(config)),
        });
      assets ??= build()
        .then((built) => new Map(built.map((asset) => [asset.path, asset])))
        .catch((error: unknown) => {
          assets = undefined; // a failed build (a syntax error while editing) is retried on the next request
          throw error;
        });
      return assets.then((found) => {
        const asset = found.get(name);
        if (!asset)
          return {
            statusCode: 404,
            headers: headers('text/plain; charset=utf-8'),
            cookies: [],
            body: Buffer.from(`${path}: 없는 파일입니다 (not found)`),
          };
        return { statusCode: 200, headers: headers(asset.contentType), cookies: [], body: asset.bytes };
      });
    },
  };
}
