import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import { Refused, refusal } from '#shared/domain/refusal.ts';
import type { Refusal, RefusalKind } from '#shared/domain/refusal.ts';

/**
 * The one place a Refusal becomes RFC 9457 problem details: the kind decides the status and the
 * title; `code` is the stable, machine-readable identifier clients switch on (the published list
 * in `shared/domain/problem-codes.ts`); `detail` is for people; broken rules carry the rule and the
 * numbers in `context`. Anything that is not a Refusal is a 500 that names only the request id.
 */
const statusOf: Readonly<Record<RefusalKind, { readonly status: number; readonly title: string }>> = {
  invalid: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  'too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media': { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  'header-too-large': { status: 431, title: 'Request header fields too large' },
  internal: { status: 500, title: 'Internal error' },
  timeout: { status: 504, title: 'Gateway timeout' },
};

export const PROBLEM_JSON = 'application/problem+json';

export interface ProblemAnswer {
  readonly status: number;
  readonly code: ProblemCode;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
}

export const statusOfKind = (kind: RefusalKind): number => statusOf[kind].status;

/** The problem+json answer to an error: its refusal, or an internal error naming the request id. */
export function problemAnswer(error: unknown, instance: string | undefined): ProblemAnswer {
  const refused = error instanceof Refused ? error : internalError(instance);
  const { refusal: r } = refused;
  const { status, title } = statusOf[r.kind];
  return {
    status,
    code: r.code,
    headers: { 'content-type': PROBLEM_JSON, ...refused.headers },
    body: problemBody(r, title, status, instance),
  };
}

function problemBody(r: Refusal, title: string, status: number, instance: string | undefined): Record<string, unknown> {
  return {
    type: `https://hojo.dev/problems/${r.code}`,
    title,
    status,
    code: r.code,
    detail: r.detail,
    ...(instance === undefined ? {} : { instance }),
    ...(r.errors === undefined ? {} : { errors: r.errors }),
    ...(r.context === undefined ? {} : { context: r.context }),
  };
}

export const internalError = (instance: string | undefined): Refused =>
  new Refused(refusal('internal', 'internal-error', `the request failed; quote request id ${instance} to the operators`));
