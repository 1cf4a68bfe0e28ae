import type { Context } from 'aws-lambda';
import type { Caller } from '#shared/auth/caller.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';

/** The Lambda context as the API middlewares leave it for the handler. */
export interface ApiContext extends Context {
  caller?: Caller;
  input?: { params: unknown; query: unknown; body: unknown; rawBody: string; bodySha256: string };
  requestInfo?: RequestInfo;
}
