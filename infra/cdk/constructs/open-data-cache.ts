import { Duration } from 'aws-cdk-lib';
import { CacheHeaderBehavior, CachePolicy, CacheQueryStringBehavior, CacheCookieBehavior } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import type { Route } from '#shared/http/route.ts';

/**
 * Open data at the edge (issue #19, finding 7): the anonymous GET routes CloudFront may cache, as
 * cache-behaviour path patterns, and the one cache policy they share. Everything else stays uncached.
 *
 * A route's path becomes a pattern with `{gov}` as `?????` (five digits, shared/schemas/common.ts),
 * `{year}` as `????` and any other parameter as `*`. CloudFront's `*` also matches `/`, so a pattern
 * could cover a path of another route: a pattern is kept only if no other route (another method on
 * the same path, or a protected route below it) has a path it matches. Such an open-data route
 * (today the proposals list, which shares its path with the residents' POST) stays uncached.
 * `/health` is never cached: it answers whether the origin is alive now.
 */
export interface OpenDataPath {
  readonly routeId: string;
  readonly pathPattern: string;
}

/** Never cached although public: a liveness answer must come from the origin. */
const uncachedPublicRoutes = new Set(['getHealth']);

export function pathPatternOf(path: string): string {
  return path
    .replaceAll('{gov}', '?????')
    .replaceAll('{year}', '????')
    .replace(/\{\w+\}/g, '*');
}

/** A concrete path for a declared one (sample values), to test which patterns would match it. */
export function samplePathOf(path: string): string {
  return path
    .replaceAll('{gov}', '11110')
    .replaceAll('{year}', '2026')
    .replace(/\{(\w+)\}/g, (_, name: string) => `sample-${name}`);
}

/** CloudFront's path-pattern matching: `*` any characters (slashes too), `?` exactly one. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${regex}$`).test(path);
}

const cacheable = (route: Route): boolean =>
  route.method === 'GET' && route.access.kind === 'public' && !uncachedPublicRoutes.has(route.id);

export function openDataPaths(routes: readonly Route[]): OpenDataPath[] {
  return routes.filter(cacheable).flatMap((route) => {
    const pathPattern = pathPatternOf(route.path);
    const collides = routes.some((other) => other !== route && matchesPathPattern(pathPattern, samplePathOf(other.path)));
    return collides ? [] : [{ routeId: route.id, pathPattern }];
  });
}

/** The query parameters the cached routes declare: the only ones in the cache key and sent to the origin. */
export function openDataQueryNames(routes: readonly Route[]): string[] {
  const cached = new Set(openDataPaths(routes).map((p) => p.routeId));
  const names = routes
    .filter((route) => cached.has(route.id))
    .flatMap((route) => Object.keys((route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}));
  return [...new Set(names)].sort();
}

/**
 * The open-data cache policy: a short TTL (60 s unless the origin says otherwise, at most 5
 * minutes: the disclosure routes send `max-age=300`), the declared query strings in the key (an
 * undeclared one is neither in the key nor forwarded, so random queries cannot bust the cache), and
 * no header or cookie. Authorization is not in the key, so CloudFront does not forward it on these
 * GETs: every viewer gets the anonymous answer, which is what these public routes give anyone.
 */
export function openDataCachePolicy(scope: Construct, id: string, routes: readonly Route[]): CachePolicy {
  const names = openDataQueryNames(routes);
  return new CachePolicy(scope, id, {
    comment: 'hojo open data: anonymous GET routes, short TTL, declared query strings only',
    defaultTtl: Duration.seconds(60),
    minTtl: Duration.seconds(0),
    maxTtl: Duration.minutes(5),
    headerBehavior: CacheHeaderBehavior.none(),
    cookieBehavior: CacheCookieBehavior.none(),
    queryStringBehavior: names.length > 0 ? CacheQueryStringBehavior.allowList(...names) : CacheQueryStringBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
}
