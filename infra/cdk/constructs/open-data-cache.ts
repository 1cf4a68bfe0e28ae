import { Duration } from 'aws-cdk-lib';
import {
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import type { Route } from '#shared/http/route.ts';

/**
 * Open data at the edge (issue #19, finding 7): the anonymous GET routes CloudFront may cache, as
 * cache-behaviour path patterns, and their cache policies. Everything else stays uncached.
 *
 * A route's path becomes a pattern with `{gov}` as `?????` (five digits, shared/schemas/common.ts),
 * `{year}` as `????` and any other parameter as `*`. CloudFront's `*` also matches `/`, so a pattern
 * could cover a path of another route (another method on the same path, or a protected route below
 * it). Such a pattern is **shared**: its behaviour takes every method and forwards the caller's token
 * and the headers the writes read (sharedPathCachePolicy, sharedPathRequestPolicy), so those routes
 * work as through the uncached default behaviour, while anonymous GETs still share one cached answer.
 * Any other pattern is GET/HEAD only and forwards nothing of the viewer but the declared query strings.
 * `/health` is never cached: it answers whether the origin is alive now.
 */
export interface OpenDataPath {
  readonly routeId: string;
  readonly pathPattern: string;
  /** Another route's path matches the pattern (today: the proposals list, the participation cycle, a subsidy program). */
  readonly shared: boolean;
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
  return routes.filter(cacheable).map((route) => {
    const pathPattern = pathPatternOf(route.path);
    const shared = routes.some((other) => other !== route && matchesPathPattern(pathPattern, samplePathOf(other.path)));
    return { routeId: route.id, pathPattern, shared };
  });
}

/** Every route whose requests a shared pattern takes (its own open-data GET among them). */
export function sharedPathRoutes(routes: readonly Route[]): Route[] {
  const patterns = openDataPaths(routes)
    .filter((p) => p.shared)
    .map((p) => p.pathPattern);
  return routes.filter((route) => patterns.some((pattern) => matchesPathPattern(pattern, samplePathOf(route.path))));
}

const queryNamesOf = (routes: readonly Route[]): string[] => {
  const names = routes.flatMap((route) =>
    Object.keys((route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}),
  );
  return [...new Set(names)].sort();
};

/** The query parameters the GET/HEAD-only routes declare: the only ones in their cache key and sent to the origin. */
export function openDataQueryNames(routes: readonly Route[]): string[] {
  const cached = new Set(
    openDataPaths(routes)
      .filter((p) => !p.shared)
      .map((p) => p.routeId),
  );
  return queryNamesOf(routes.filter((route) => cached.has(route.id)));
}

/** The query parameters any route on a shared path declares (a protected route's cursor too). */
export function sharedPathQueryNames(routes: readonly Route[]): string[] {
  return queryNamesOf(sharedPathRoutes(routes));
}

/**
 * The request headers the routes on shared paths read besides the token: the body's media type
 * (validate-request) and every header a route declares (Idempotency-Key on postings), lower-cased.
 */
export function sharedPathHeaderNames(routes: readonly Route[]): string[] {
  const declared = sharedPathRoutes(routes).flatMap((route) => (route.headers ?? []).map((h) => h.name.toLowerCase()));
  return [...new Set(['content-type', ...declared])].sort();
}

/** CloudFront's default quota of query strings, and of headers, per policy: 10, as an AWS re:Post answer quotes the quotas page [U]. */
export const maxNamesPerPolicy = 10;

function allowListOf(kind: string, names: readonly string[]): readonly string[] {
  if (names.length > maxNamesPerPolicy) {
    throw new Error(
      `open data at the edge: ${names.length} ${kind} (${names.join(', ')}) pass CloudFront's ${maxNamesPerPolicy} per policy; ask for a quota increase or narrow the routes`,
    );
  }
  return names;
}

/**
 * The open-data cache policy: a short TTL (60 s unless the origin says otherwise, at most 5
 * minutes: the disclosure routes send `max-age=300`), the declared query strings in the key (an
 * undeclared one is neither in the key nor forwarded, so random queries cannot bust the cache), and
 * no header or cookie. Authorization is not in the key, so CloudFront does not forward it on these
 * GETs: every viewer gets the anonymous answer, which is what these public routes give anyone.
 */
export function openDataCachePolicy(scope: Construct, id: string, routes: readonly Route[]): CachePolicy {
  return shortTtlCachePolicy(scope, id, {
    comment: 'hojo open data: anonymous GET routes, short TTL, declared query strings only',
    headerBehavior: CacheHeaderBehavior.none(),
    queryNames: openDataQueryNames(routes),
  });
}

/**
 * The cache policy of the shared paths. `Authorization` is in the key because CloudFront forwards it
 * only from the cache key (an origin request policy cannot: AWS Knowledge Center, "How do I configure
 * CloudFront to forward the Authorization header to the origin?"): so a write or a protected read
 * reaches the API with its token, and each token has its own entry, never another's. Anonymous GETs
 * (no token) share one entry. Every query string a route on these paths declares is in the key.
 * Minimum TTL 0, so CloudFront keeps nothing the API marks `private`/`no-store` (the CachePolicyConfig
 * API reference: only a minimum TTL above 0 overrides those directives); the API marks every answer
 * of a protected route so (shared/middleware/private-answers.ts). Only GET and HEAD answers are ever
 * cached (CachedMethods), whatever the behaviour allows.
 */
export function sharedPathCachePolicy(scope: Construct, id: string, routes: readonly Route[]): CachePolicy {
  return shortTtlCachePolicy(scope, id, {
    comment: 'hojo open data on shared paths: the token in the key, declared query strings, short TTL',
    headerBehavior: CacheHeaderBehavior.allowList('authorization'),
    queryNames: sharedPathQueryNames(routes),
  });
}

/**
 * What both open-data cache policies share: 60 s unless the origin says otherwise, at most 5 minutes,
 * minimum 0 (the origin's `private`/`no-store` holds), no cookie, compressed answers, and only the
 * given query strings (within CloudFront's quota) in the key. They differ in the headers of the key.
 */
function shortTtlCachePolicy(
  scope: Construct,
  id: string,
  spec: { comment: string; headerBehavior: CacheHeaderBehavior; queryNames: readonly string[] },
): CachePolicy {
  const names = allowListOf('query strings', spec.queryNames);
  return new CachePolicy(scope, id, {
    comment: spec.comment,
    defaultTtl: Duration.seconds(60),
    minTtl: Duration.seconds(0),
    maxTtl: Duration.minutes(5),
    headerBehavior: spec.headerBehavior,
    cookieBehavior: CacheCookieBehavior.none(),
    queryStringBehavior: names.length > 0 ? CacheQueryStringBehavior.allowList(...names) : CacheQueryStringBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
}

/**
 * What the shared paths send to the origin besides the cache key: the headers their routes read
 * (sharedPathHeaderNames) and nothing else, so no other viewer header reaches the origin on a cached
 * GET. The origin secret is an origin custom header and goes with every request anyway.
 */
export function sharedPathRequestPolicy(scope: Construct, id: string, routes: readonly Route[]): OriginRequestPolicy {
  return new OriginRequestPolicy(scope, id, {
    comment: 'hojo shared paths: the headers their writes read (media type, declared headers)',
    headerBehavior: OriginRequestHeaderBehavior.allowList(...allowListOf('headers', sharedPathHeaderNames(routes))),
    queryStringBehavior: OriginRequestQueryStringBehavior.none(),
  });
}
