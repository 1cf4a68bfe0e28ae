import type { ProblemCode } from '#shared/domain/problem-codes.ts';

/**
 * The one vocabulary for "no". Every rule that refuses — a business rule of the domain, a check of
 * the application layer, the HTTP layer's own validation — says so with a Refusal: a stable code
 * from the published list (`problem-codes.ts`), the kind of refusal, a readable detail and, for a
 * broken business rule, the rule and the numbers in `context`. `shared/http/problem.ts` is the one
 * place that turns a Refusal into RFC 9457 problem+json (the kind decides the HTTP status).
 */
export type RefusalKind =
  | 'invalid' // the request itself is malformed (400)
  | 'unauthenticated' // no valid identity (401)
  | 'forbidden' // the caller may not do this (403)
  | 'not-found' // the thing named does not exist (404)
  | 'method-not-allowed' // the path exists, the method does not (405)
  | 'request-timeout' // the request did not arrive in time (408)
  | 'conflict' // the state moved under the caller, or the action was already taken (409)
  | 'too-large' // the body is over its limit (413)
  | 'unsupported-media' // the body's media type is not the operation's (415)
  | 'unprocessable' // a business rule refuses it, with the rule and the numbers (422)
  | 'header-too-large' // the request head is over its limit (431)
  | 'internal' // a fault of ours; names only the request id (500)
  | 'timeout'; // the handler did not answer in time (504)

export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface Refusal {
  readonly code: ProblemCode;
  readonly kind: RefusalKind;
  readonly detail: string;
  /** For broken rules: `rule` (as people read it) and the numbers that broke it. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** For invalid requests: each invalid field. */
  readonly errors?: readonly FieldError[];
}

/**
 * A refusal thrown through the layers. `headers` is for the HTTP layer alone (a 401's challenge,
 * a 405's Allow); no rule sets it.
 */
export class Refused extends Error {
  readonly refusal: Refusal;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(refusal: Refusal, headers?: Readonly<Record<string, string>>) {
    super(refusal.detail);
    this.name = 'Refused';
    this.refusal = refusal;
    this.headers = headers;
  }

  get code(): ProblemCode {
    return this.refusal.code;
  }
}

/** A rule's answer: yes, with what it decided (`T`), or no, with the refusal. */
export type Decided<T extends object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly refusal: Refusal };

type Context = Readonly<Record<string, unknown>>;

export const refusal = (kind: RefusalKind, code: ProblemCode, detail: string, context?: Context): Refusal => ({
  code,
  kind,
  detail,
  ...(context ? { context } : {}),
});

export const invalid = (code: ProblemCode, detail: string, errors?: readonly FieldError[]): Refused =>
  new Refused({ code, kind: 'invalid', detail, ...(errors ? { errors } : {}) });

export const unauthenticated = (detail: string): Refused => new Refused(refusal('unauthenticated', 'unauthorized', detail));

export const forbidden = (code: ProblemCode, detail: string, context?: Context): Refused =>
  new Refused(refusal('forbidden', code, detail, context));

export const notFound = (code: ProblemCode, detail: string): Refused => new Refused(refusal('not-found', code, detail));

export const conflict = (code: ProblemCode, detail: string, context?: Context): Refused =>
  new Refused(refusal('conflict', code, detail, context));

export const unprocessable = (code: ProblemCode, detail: string, context?: Context): Refused =>
  new Refused(refusal('unprocessable', code, detail, context));

export const payloadTooLarge = (limitBytes: number): Refused =>
  new Refused(refusal('too-large', 'payload-too-large', `request bodies are limited to ${limitBytes} bytes`));

/** A limit a business rule keeps (allotted + x ≤ budget …): what was asked, what was left, the numbers. */
export interface LimitBreach {
  readonly rule: string;
  readonly requested: number;
  readonly available: number;
  readonly numbers: Readonly<Record<string, number>>;
}
