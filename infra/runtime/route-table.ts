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
  /** Segments of the path a non-greedy route matches (a trailing slash aside); undefined for a greedy ({proxy+}) route. */
  readonly segments: number | undefined;
}

/**
 * Matches a request path against API Gateway path templates. Parameters take one whole
 * segment each ({gov}); greedy parameters ({proxy+}) take the rest of the path.
 */
export function createRouteTable(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  // A non-greedy route matches paths of its own number of segments only: each request tests the
  // patterns of its length (and the greedy ones), not all ~300 (issue #21: the local runtime's cost).
  const bySegments = new Map<number, readonly CompiledRoute[]>();
  const ofLength = (segments: number): readonly CompiledRoute[] => {
    let pool = bySegments.get(segments);
    if (!pool) {
      pool = compiled.filter((c) => c.segments === undefined || c.segments === segments);
      if (bySegments.size < MAX_LENGTHS) bySegments.set(segments, pool);
    }
    return pool;
  };
  return (method, path) => {
    const candidates = ofLength(segmentsOf(path)).filter((c) => c.pattern.test(path));
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
  let greedy = false;
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!parameter) {
        literalSegments += 1;
        return escapeRegExp(segment);
      }
      names.push(parameter[1] ?? '');
      greedy ||= parameter[2] === '+';
      return parameter[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names, literalSegments, segments: greedy ? undefined : segmentsOf(route.path) };
}

/** Path lengths remembered (a client can ask for any length; the pools of the others are built per request). */
const MAX_LENGTHS = 64;

/** The segments of a path, one trailing slash aside (the patterns allow one). */
const segmentsOf = (path: string): number => (path.endsWith('/') ? path.slice(0, -1) : path).split('/').length;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
