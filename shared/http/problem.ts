/**
 * RFC 9457 problem details. `code` is the stable, machine-readable identifier clients switch on;
 * `detail` is for people. Business rule violations carry the rule and the numbers in `context`.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface ProblemInit {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly context?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;
  readonly context: Readonly<Record<string, unknown>> | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = 'Problem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.context = init.context;
    this.headers = init.headers;
  }

  toJSON(instance?: string): Record<string, unknown> {
    return {
      type: `https://hojo.dev/problems/${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      ...(this.context === undefined ? {} : { context: this.context }),
    };
  }
}

export const badRequest = (code: string, detail: string, errors?: readonly FieldError[]): Problem =>
  new Problem({ status: 400, code, title: 'Bad request', detail, ...(errors ? { errors } : {}) });

export const unauthorized = (detail: string): Problem => new Problem({ status: 401, code: 'unauthorized', title: 'Unauthorized', detail });

export const forbidden = (code: string, detail: string, context?: Record<string, unknown>): Problem =>
  new Problem({ status: 403, code, title: 'Forbidden', detail, ...(context ? { context } : {}) });

export const notFound = (code: string, detail: string): Problem => new Problem({ status: 404, code, title: 'Not found', detail });

export const conflict = (code: string, detail: string, context?: Record<string, unknown>): Problem =>
  new Problem({ status: 409, code, title: 'Conflict', detail, ...(context ? { context } : {}) });

export const unprocessable = (code: string, detail: string, context?: Record<string, unknown>): Problem =>
  new Problem({ status: 422, code, title: 'Unprocessable content', detail, ...(context ? { context } : {}) });

export const payloadTooLarge = (limitBytes: number): Problem =>
  new Problem({
    status: 413,
    code: 'payload-too-large',
    title: 'Payload too large',
    detail: `request bodies are limited to ${limitBytes} bytes`,
  });
