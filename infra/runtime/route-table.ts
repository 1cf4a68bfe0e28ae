import type { Route } from '#shared/http/route.ts';

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path'; readonly detail: string };

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal segments outrank parameters, as in API Gateway: /a/b wins over /a/{x}. */
  readonly literalSegments: number;
}

/**
 * Matches a request path against API Gateway path templates. Parameters take one whole
 * segment each ({gov}); greedy parameters ({proxy+}) take the rest of the path.
 */
export function createRouteTable(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return (method, path) => {
    const candidates = compiled.filter((c) => c.pattern.test(path));
    if (candidates.length === 0) return { kind: 'not-found' };
    const chosen = candidates.find((c) => c.route.method === method.toUpperCase());
    if (!chosen) return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((c) => c.route.method))] };
    const values = chosen.pattern.exec(path)?.slice(1) ?? [];
    const pathParameters: Record<string, string> = {};
    for (const [index, name] of chosen.names.entries()) {
      try {
        pathParameters[name] = decodeURIComponent(values[index] ?? '');
      } catch {
        return { kind: 'bad-path', detail: `path parameter ${name} is not valid percent-encoding` };
      }
    }
    return { kind: 'found', route: chosen.route, pathParameters };
  };
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!parameter) {
        literalSegments += 1;
        return escapeRegExp(segment);
      }
      names.push(parameter[1] ?? '');
      return parameter[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names, literalSegments };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
