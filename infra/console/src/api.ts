import type { ConsoleConfig } from '../config.ts';
import { currentSession } from './auth.ts';

/** An API refusal as the console shows it: the problem+json's status, code and detail. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  constructor(status: number, code: string, detail: string) {
    super(`${status} ${code}: ${detail}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

let config: ConsoleConfig = { apiBase: '' };
export const configure = (loaded: ConsoleConfig): void => {
  config = loaded;
};

/** A GET of the public API with the session's token; problem+json becomes an ApiProblem. */
export async function api<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const url = new URL(`${config.apiBase}${path}`, location.href);
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  return send<T>(url);
}

/** A POST of a JSON body with the session's token (a resident's enrolment request); problem+json becomes an ApiProblem. */
export function apiPost<T>(path: string, body: unknown): Promise<T> {
  return send<T>(new URL(`${config.apiBase}${path}`, location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** One request with the session's token; the answer's JSON, or its problem+json as an ApiProblem. */
async function send<T>(url: URL, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<T> {
  const session = currentSession();
  const response = await fetch(url, {
    ...init,
    headers: { ...init.headers, ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new ApiProblem(response.status, String(answer.code ?? answer.title ?? 'error'), String(answer.detail ?? response.statusText));
  return answer as T;
}

/**
 * The bytes of an archived file, fetched by the page from its own origin: a presigned URL naming
 * the local S3 engine goes through the runtime's /_archive/ pass-through (same path and query,
 * so the engine still checks the signature); a URL already on this origin is fetched as it is.
 */
export async function archiveBytes(url: string): Promise<ArrayBuffer> {
  let target = url;
  const archive = config.archive;
  if (archive && url.startsWith(`${archive.engineOrigin}/`))
    target = `${location.origin}${archive.proxyPath}${url.slice(archive.engineOrigin.length)}`;
  const response = await fetch(target);
  if (!response.ok) throw new ApiProblem(response.status, 'archive-fetch-failed', `보관 파일을 받지 못했습니다 (${response.status})`);
  return response.arrayBuffer();
}
