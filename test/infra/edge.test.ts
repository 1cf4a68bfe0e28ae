/**
 * Issue #19, finding 7, and #20's console on AWS: the web ACL in us-east-1 and the distribution in
 * Seoul that serves the API, the console (OAC) and the archive pass-through on one origin.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultEdgeRateLimits, managedRuleGroups } from '#infra/cdk/constructs/edge-web-acl.ts';
import { edgePathsSource } from '#infra/cdk/constructs/edge-paths.ts';
import {
  matchesPathPattern,
  maxNamesPerPolicy,
  openDataPaths,
  samplePathOf,
  sharedPathHeaderNames,
  sharedPathRequestPolicy,
  sharedPathRoutes,
} from '#infra/cdk/constructs/open-data-cache.ts';
import { addNagChecks, featureFlags } from '#infra/cdk/hojo-app.ts';
import { EdgeStack, edgeRegion } from '#infra/cdk/stacks/edge-stack.ts';
import { WebStack } from '#infra/cdk/stacks/web-stack.ts';
import { routes } from '#shared/routes/index.ts';
import { templateOnly } from '#test/infra/synth-support.ts';

const account = '123456789012';
let edge: Template;
let web: Template;
let nag: string[];

beforeAll(() => {
  const app = new App({ context: { ...featureFlags, ...templateOnly }, builtinCloudFormationValidation: false });
  const data = new Stack(app, 'Data', { env: { account, region: 'ap-northeast-2' } });
  const archive = Bucket.fromBucketAttributes(data, 'Archive', { bucketName: 'hojo-archive-example', region: 'ap-northeast-2' });
  const edgeStack = new EdgeStack(app, 'Edge', { env: { account, region: edgeRegion }, logRetention: RetentionDays.ONE_YEAR });
  const webStack = new WebStack(app, 'Web', {
    env: { account, region: 'ap-northeast-2' },
    apiOriginHost: 'api-origin.hojo.example.go.kr',
    routes,
    archive,
    webAclArn: edgeStack.webAclArn,
    logRetention: RetentionDays.ONE_YEAR,
    signIn: {
      issuer: 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_example',
      clientId: 'console-client',
      scopes: ['openid'],
      apiToken: 'id_token',
    },
  });
  addNagChecks(app);
  app.synth();
  nag = new AwsSolutionsChecks()
    .validateScope(app)
    .violations.map((f) => `${f.ruleName} at ${f.violatingResources.map((r) => r.constructPath).join(', ')}`);
  edge = Template.fromStack(edgeStack);
  web = Template.fromStack(webStack);
}, 300_000);

const resources = (template: Template, type: string) =>
  Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>).filter(
    (r) => r.Type === type,
  );
/** The resource a `{ Ref }` names in the same template. */
const byRef = (template: Template, ref: unknown) =>
  (template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>)[(ref as { Ref: string }).Ref]!;

describe('the web ACL (us-east-1)', () => {
  it('applies the managed rule groups, then per-address rate limits answering 429, and logs with the token redacted', () => {
    const [acl] = resources(edge, 'AWS::WAFv2::WebACL');
    expect(acl?.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl?.Properties.DefaultAction).toEqual({ Allow: {} });
    const rules = acl?.Properties.Rules as { Name: string; Priority: number; Statement: Record<string, any>; Action?: unknown }[];
    expect(rules.map((r) => r.Name)).toEqual([...managedRuleGroups.map((g) => g.name), 'RateAnonymousPerAddress', 'RatePerAddress']);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    const common = rules.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    const rate = (name: string) => rules.find((r) => r.Name === name);
    expect(rate('RatePerAddress')?.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
      Limit: defaultEdgeRateLimits.perAddress,
    });
    expect(rate('RateAnonymousPerAddress')?.Statement.RateBasedStatement).toMatchObject({
      Limit: defaultEdgeRateLimits.anonymousPerAddress,
      ScopeDownStatement: {
        NotStatement: { Statement: { SizeConstraintStatement: { FieldToMatch: { SingleHeader: { Name: 'authorization' } } } } },
      },
    });
    expect(rate('RatePerAddress')?.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
    const [logging] = resources(edge, 'AWS::WAFv2::LoggingConfiguration');
    expect(logging?.Properties.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }]);
  });

  it('refuses to be built outside us-east-1', () => {
    const app = new App();
    expect(() => new EdgeStack(app, 'Elsewhere', { env: { region: 'ap-northeast-2' }, logRetention: RetentionDays.ONE_YEAR })).toThrow(
      /us-east-1/,
    );
  });
});

describe('the distribution (Seoul)', () => {
  const distribution = () => resources(web, 'AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;

  it('sits behind the web ACL, read across Regions, with access logs', () => {
    expect(JSON.stringify(distribution().WebACLId)).toContain('ExportsReader');
    expect(distribution().Logging.Bucket).toBeDefined();
  });

  it('sends every other path to the HTTP API over TLS 1.2, uncached, with every viewer header but Host', () => {
    const config = distribution();
    const origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(origin.DomainName).toBe('api-origin.hojo.example.go.kr');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(config.DefaultCacheBehavior.AllowedMethods).toHaveLength(7);
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(config.DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
  });

  it('serves /console/* from the private console bucket through origin access control, with the console CSP', () => {
    const config = distribution();
    const behaviour = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/console/*');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behaviour.TargetOriginId);
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(behaviour.AllowedMethods).toEqual(['GET', 'HEAD']);
    const [headers] = resources(web, 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = headers?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://cognito-idp.ap-northeast-2.amazonaws.com');
    // the bucket lets CloudFront (this distribution alone) read, nobody else
    const policy = JSON.stringify(resources(web, 'AWS::S3::BucketPolicy').map((p) => p.Properties.PolicyDocument));
    expect(policy).toContain('cloudfront.amazonaws.com');
    expect(policy).toContain('AWS:SourceArn');
    const [deployment] = resources(web, 'Custom::CDKBucketDeployment');
    expect(deployment?.Properties.DestinationBucketKeyPrefix).toBe('console/');
  });

  it('passes /_archive/* to the archive bucket, GET/HEAD only, the presigned query and nothing else, without CloudFront signing', () => {
    const config = distribution();
    const behaviour = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/_archive/*');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behaviour.TargetOriginId);
    expect(origin.DomainName).toBe('hojo-archive-example.s3.ap-northeast-2.amazonaws.com');
    expect(origin.OriginAccessControlId).toBeUndefined();
    expect(behaviour.AllowedMethods).toEqual(['GET', 'HEAD']);
    const request = byRef(web, behaviour.OriginRequestPolicyId);
    expect(request.Properties.OriginRequestPolicyConfig).toMatchObject({
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      HeadersConfig: { HeaderBehavior: 'none' },
      CookiesConfig: { CookieBehavior: 'none' },
    });
    expect(behaviour.FunctionAssociations).toHaveLength(1);
  });

  it('gives the console its config: the API on the same origin, archives through /_archive', () => {
    const markers = JSON.stringify(resources(web, 'Custom::CDKBucketDeployment')[0]?.Properties.SourceMarkers ?? []);
    expect(markers).not.toContain('execute-api');
  });

  it('leaves no cdk-nag finding unacknowledged in either stack', () => {
    expect(nag).toEqual([]);
  });
});

describe('open data at the edge', () => {
  type Behavior = {
    PathPattern: string;
    TargetOriginId: string;
    CachePolicyId: unknown;
    AllowedMethods: string[];
    CachedMethods: string[];
    OriginRequestPolicyId?: unknown;
  };
  const config = () => resources(web, 'AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;
  const cached = (): Behavior[] =>
    (config().CacheBehaviors as Behavior[]).filter((b) => !b.PathPattern.startsWith('/console') && !b.PathPattern.startsWith('/_archive'));
  /** GET/HEAD only: the patterns no other route shares. */
  const getOnly = () => cached().filter((b) => b.AllowedMethods.length === 2);
  /** Every method: the patterns other routes share (a POST on the path, a protected route below it). */
  const shared = () => cached().filter((b) => b.AllowedMethods.length === 7);
  /** The behaviour CloudFront picks for a path: the first pattern that matches, else the default. */
  const behaviourFor = (path: string): Behavior | undefined =>
    (config().CacheBehaviors as Behavior[]).find((b) => matchesPathPattern(b.PathPattern, path));
  const keyOf = (b: Behavior) => byRef(web, b.CachePolicyId).Properties.CachePolicyConfig;

  it('caches the anonymous open-data GET routes at the API origin, GET/HEAD only, with a short TTL and the declared query strings', () => {
    const behaviours = getOnly();
    expect(behaviours.length).toBeGreaterThanOrEqual(10);
    expect(behaviours.length + shared().length).toBe(cached().length);
    const settings = keyOf(behaviours[0]!);
    expect(settings).toMatchObject({ DefaultTTL: 60, MinTTL: 0, MaxTTL: 300 });
    const key = settings.ParametersInCacheKeyAndForwardedToOrigin;
    // no header (so no Authorization: a token is not forwarded and every viewer gets the anonymous answer), no cookie
    expect(key).toMatchObject({
      HeadersConfig: { HeaderBehavior: 'none' },
      CookiesConfig: { CookieBehavior: 'none' },
      EnableAcceptEncodingGzip: true,
    });
    expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'whitelist', QueryStrings: ['level', 'on', 'parent'] });
    const apiOriginId = config().DefaultCacheBehavior.TargetOriginId;
    for (const b of behaviours) {
      expect(b.TargetOriginId, b.PathPattern).toBe(apiOriginId);
      expect(b.AllowedMethods.sort(), b.PathPattern).toEqual(['GET', 'HEAD']);
      expect(JSON.stringify(b.CachePolicyId), b.PathPattern).toContain('OpenDataCache');
      expect(b.OriginRequestPolicyId, b.PathPattern).toBeUndefined();
    }
    // the disclosure indicators, the CSV download, the registry and the classification are among them
    for (const path of [
      '/governments/11110/disclosure/2026/indicators',
      '/disclosure/2026/indicators.csv',
      '/governments',
      '/classification/economic',
    ]) {
      expect(behaviourFor(path)?.CachePolicyId, path).toEqual(behaviours[0]!.CachePolicyId);
    }
  });

  it('caches the three public GETs whose paths other routes share, passing every method with its token to the API', () => {
    const sharedRoutes = openDataPaths(routes).filter((p) => p.shared);
    expect(sharedRoutes.map((p) => p.routeId).sort()).toEqual(['getParticipationCycle', 'getSubsidyProgram', 'listParticipationProposals']);
    expect(
      shared()
        .map((b) => b.PathPattern)
        .sort(),
    ).toEqual(sharedRoutes.map((p) => p.pathPattern).sort());
    const apiOriginId = config().DefaultCacheBehavior.TargetOriginId;
    for (const b of shared()) {
      expect(b.TargetOriginId, b.PathPattern).toBe(apiOriginId);
      // CloudFront caches GET and HEAD answers only: a POST always reaches the API
      expect(b.CachedMethods.sort(), b.PathPattern).toEqual(['GET', 'HEAD']);
      const settings = keyOf(b);
      // minimum TTL 0: an answer marked private/no-store is never kept
      expect(settings).toMatchObject({ MinTTL: 0, DefaultTTL: 60, MaxTTL: 300 });
      const key = settings.ParametersInCacheKeyAndForwardedToOrigin;
      // the token is in the key: forwarded (CloudFront forwards Authorization only from the key), one entry per token,
      // and the anonymous GETs (no token) share one; every query string a route on these paths declares
      expect(key.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['authorization'] });
      expect(key.CookiesConfig).toEqual({ CookieBehavior: 'none' });
      expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: 'whitelist', QueryStrings: ['cursor', 'limit', 'state'] });
      // what the writes read besides the token, and nothing else of the viewer
      expect(byRef(web, b.OriginRequestPolicyId).Properties.OriginRequestPolicyConfig).toMatchObject({
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['content-type'] },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
      });
    }
    // the residents' proposal, the budget office's cycle and an application go through them, with their method
    for (const id of ['submitParticipationProposal', 'createParticipationCycle', 'submitSubsidyApplication']) {
      const route = routes.find((r) => r.id === id)!;
      const behaviour = behaviourFor(samplePathOf(route.path));
      expect(behaviour?.AllowedMethods, id).toContain(route.method);
      expect(shared(), id).toContain(behaviour);
    }
    expect(sharedPathRoutes(routes).filter((r) => r.access.kind !== 'public').length).toBeGreaterThanOrEqual(3);
  });

  it('cuts no route to GET/HEAD and never caches /health: each reaches a behaviour that takes its method', () => {
    const uncached = routes.filter((r) => !openDataPaths(routes).some((p) => p.routeId === r.id));
    expect(uncached.map((r) => r.id)).toEqual(expect.arrayContaining(['getHealth', 'getHealthDependencies']));
    for (const route of uncached) {
      const matched = getOnly().filter((b) => matchesPathPattern(b.PathPattern, samplePathOf(route.path)));
      expect(
        matched.map((b) => b.PathPattern),
        `${route.method} ${route.path}`,
      ).toEqual([]);
    }
    for (const route of routes) {
      const behaviour = behaviourFor(samplePathOf(route.path));
      // the default behaviour (no pattern) takes every method
      if (behaviour) expect(behaviour.AllowedMethods, `${route.method} ${route.path}`).toContain(route.method);
    }
    // a pattern matches its own route, and only public GETs are behind one
    for (const p of openDataPaths(routes)) {
      const route = routes.find((r) => r.id === p.routeId)!;
      expect(route.method === 'GET' && route.access.kind === 'public', p.routeId).toBe(true);
      expect(behaviourFor(samplePathOf(route.path))?.PathPattern).toBe(p.pathPattern);
    }
  });

  it('refuses at synthesis more query strings or headers than CloudFront takes per policy', () => {
    const many = Array.from({ length: maxNamesPerPolicy + 1 }, (_, i) => ({
      name: `X-Extra-${i}`,
      required: false,
      description: '',
    }));
    const proposals = routes.find((r) => r.id === 'submitParticipationProposal')!;
    const crowded = routes.map((r) => (r === proposals ? { ...r, headers: many } : r));
    expect(sharedPathHeaderNames(crowded)).toHaveLength(maxNamesPerPolicy + 2);
    expect(() => sharedPathRequestPolicy(new Stack(new App(), 'Crowded'), 'Request', crowded)).toThrow(/pass CloudFront's 10 per policy/);
  });

  it("reads CloudFront's path patterns as CloudFront does: * spans slashes, ? is one character", () => {
    expect(matchesPathPattern('/governments/?????', '/governments/11110')).toBe(true);
    expect(matchesPathPattern('/governments/?????', '/governments/11110/budget')).toBe(false);
    expect(matchesPathPattern('/a/*', '/a/b/c')).toBe(true);
    expect(matchesPathPattern('/disclosure/????/indicators.csv', '/disclosure/2026/indicatorsXcsv')).toBe(false);
  });
});

describe('the path function', () => {
  const run = (uri: string, querystring = {}) =>
    // The CloudFront Function's own source, evaluated as CloudFront would.
    (new Function(`${edgePathsSource}; return handler;`)() as (e: unknown) => { uri: string })({ request: { uri, querystring } }).uri;

  it('strips /_archive before S3 (the path the URL was signed for) and serves console folders as index.html', () => {
    expect(run('/_archive/11110/2026/annual/report.json')).toBe('/11110/2026/annual/report.json');
    expect(run('/console/')).toBe('/console/index.html');
    expect(run('/console/app.js')).toBe('/console/app.js');
  });
});
