import type { z } from 'zod';
import type { Access } from '#shared/auth/access.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API operation, declared once: the CDK stack makes its Lambda and API Gateway route from it,
 * the local runtime serves it, the OpenAPI document describes it, and its handler validates with it.
 */
export interface Route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  /** operationId, camelCase. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: /governments/{gov}/… */
  readonly path: string;
  /** Handler module under functions/, without extension: 'budget/create-version'. */
  readonly handler: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: Access;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Media type of the request body; JSON unless given. A `text/csv` body reaches `body` as text. */
  readonly bodyMediaType?: 'application/json' | 'text/csv';
  /** Documented success response body. */
  readonly response?: z.ZodType;
  /** Success status; 200 unless given. */
  readonly status?: number;
  /** Largest accepted body in bytes; 256 KiB unless given. */
  readonly maxBodyBytes?: number;
  /** Extra request headers the operation reads (documented; e.g. Idempotency-Key). */
  readonly headers?: readonly { readonly name: string; readonly required: boolean; readonly description: string }[];
  /** Response media type when it is not JSON (e.g. the HTML docs page). */
  readonly produces?: string;
}

export const defineRoute = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(route: Route<P, Q, B>): Route<P, Q, B> => route;

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export type ParamsOf<R> = R extends Route<infer P, z.ZodType, z.ZodType> ? Out<P> : never;
export type QueryOf<R> = R extends Route<z.ZodType, infer Q, z.ZodType> ? Out<Q> : never;
export type BodyOf<R> = R extends Route<z.ZodType, z.ZodType, infer B> ? Out<B> : never;

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
