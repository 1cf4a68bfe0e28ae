import type { TokenRequest } from '#infra/runtime/jwt/dev-issuer.ts';
import type { Route } from '#shared/http/route.ts';
import { httpCall } from './http-clients.ts';
import type { HttpAnswer, HttpCall } from './http-clients.ts';
import type { LocalApi } from './local-api.ts';

export interface RouteCall {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The request line of a declared route with its path parameters filled in. */
export function routeCall(route: Route, call: RouteCall, token?: string): HttpCall {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`route ${route.id} needs the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query = call.query && Object.keys(call.query).length > 0 ? `?${new URLSearchParams(call.query)}` : '';
  return {
    method: route.method,
    path: `${path}${query}`,
    ...(token === undefined ? {} : { token }),
    ...(call.body === undefined ? {} : { body: call.body }),
    ...(call.headers === undefined ? {} : { headers: call.headers }),
  };
}

export interface Official {
  readonly token: string;
  /** Calls the route over HTTP; rejects with the answer unless the status is the route's success status. */
  call<T = any>(route: Route, call?: RouteCall): Promise<T>;
  /** Calls the route over HTTP and returns whatever came back. */
  send(route: Route, call?: RouteCall): Promise<HttpAnswer>;
}

/** An official of the local API, signed in through its development issuer. */
export async function official(api: LocalApi, identity: TokenRequest): Promise<Official> {
  const token = await api.token(identity);
  const send = (route: Route, call: RouteCall = {}) => httpCall(api.url, routeCall(route, call, token));
  return {
    token,
    send,
    async call(route, call = {}) {
      const answer = await send(route, call);
      const expected = route.status ?? 200;
      if (answer.status !== expected) {
        throw new Error(`${route.id} answered ${answer.status} (expected ${expected}): ${JSON.stringify(answer.body).slice(0, 500)}`);
      }
      return answer.body as any;
    },
  };
}
