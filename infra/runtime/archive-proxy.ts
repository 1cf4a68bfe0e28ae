import type { IncomingMessage } from 'node:http';
import type { HttpAnswer } from '#infra/runtime/http-response.ts';

/**
 * Downloads through the runtime's own address. The embedded engines listen on loopback only, so a
 * presigned archive URL (http://127.0.0.1:<engine port>/…) is useless to a client of a runtime
 * bound to a network interface (`--host 0.0.0.0`). There the runtime rewrites the URLs it hands out
 * to `<its own origin>/_archive/…` and passes GET/HEAD requests under that path, unchanged (path,
 * query, hence the signature), to the engine, which checks the signature and the expiry itself as
 * S3 would: the runtime adds no access of its own and cannot widen one.
 */
export const ARCHIVE_PROXY_PREFIX = '/_archive';

export interface ArchiveProxy {
  /** The S3 engine's endpoint the presigned URLs name (e.g. http://127.0.0.1:4566). */
  readonly engine: string;
}

const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified', 'x-amz-checksum-sha256', 'x-amz-version-id'];

/** The URL a client of the runtime can use: the engine's origin replaced by the runtime's, under the prefix. */
export function publicDownloadUrl(url: string, proxy: ArchiveProxy, origin: string): string {
  const engine = proxy.engine.replace(/\/+$/, '');
  return url.startsWith(`${engine}/`) ? `${origin}${ARCHIVE_PROXY_PREFIX}${url.slice(engine.length)}` : url;
}

/** The runtime's origin as the client reached it (behind a TLS proxy: X-Forwarded-Proto/-Host). */
export function requestOrigin(request: IncomingMessage): string {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const proto = first(request.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  return `${proto}://${first(request.headers['x-forwarded-host']) ?? request.headers.host ?? 'localhost'}`;
}

/** Rewrites the `url` of a JSON answer (the download route's) when it names the engine. */
export function withPublicUrl(answer: HttpAnswer, proxy: ArchiveProxy, origin: string): HttpAnswer {
  if (answer.statusCode !== 200) return answer;
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { url?: unknown };
    if (typeof body.url !== 'string') return answer;
    return { ...answer, body: Buffer.from(JSON.stringify({ ...body, url: publicDownloadUrl(body.url, proxy, origin) }), 'utf8') };
  } catch {
    return answer;
  }
}

/** Passes a GET/HEAD under the prefix to the engine and answers what it answered. */
export async function proxyToEngine(method: string, url: string, proxy: ArchiveProxy): Promise<HttpAnswer> {
  const target = `${proxy.engine.replace(/\/+$/, '')}${url.slice(ARCHIVE_PROXY_PREFIX.length)}`;
  const response = await fetch(target, { method, redirect: 'manual' });
  const headers: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { statusCode: response.status, headers, cookies: [], body: Buffer.from(await response.arrayBuffer()) };
}
