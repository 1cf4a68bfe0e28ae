import { App, Aspects, Tags, Validations } from 'aws-cdk-lib';
import { NotifyOnAlarms } from '#infra/cdk/constructs/alarm-topic.ts';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from '#infra/cdk/deploy-config.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { handlerEntry } from '#infra/cdk/handler-entry.ts';
import { queueFamilyPlans } from '#infra/cdk/queue-family-plan.ts';
import { ApiStack } from '#infra/cdk/stacks/api-stack.ts';
import { DataStack } from '#infra/cdk/stacks/data-stack.ts';
import { EdgeStack, edgeRegion } from '#infra/cdk/stacks/edge-stack.ts';
import { WebStack } from '#infra/cdk/stacks/web-stack.ts';
import { StandbyStack } from '#infra/cdk/stacks/standby-stack.ts';
import type { Route } from '#shared/http/route.ts';
import { queues } from '#shared/resources.ts';
import { routes as declaredRoutes } from '#shared/routes/index.ts';
import { scheduleTimeZone, schedules as declaredSchedules } from '#shared/schedules.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';

/** Feature flags the constructs rely on; CLI and cdk.json context still take precedence. */
export const featureFlags = {
  // Access-log delivery through a bucket policy: works with BucketOwnerEnforced (no ACLs).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  // Exports stay while an importer uses them (today's behaviour, stated so synth stops warning).
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface HojoAppOptions {
  /** CDK context, as `-c key=value` would give it (target, region, jwtIssuer, …). */
  readonly context?: Record<string, unknown>;
  /** @default every route of shared/routes/index.ts */
  readonly routes?: readonly Route[];
  /** @default every schedule of shared/schedules.ts */
  readonly schedules?: readonly ScheduleDeclaration[];
  /** Where functions/ lives. @default the repository root */
  readonly projectRoot?: string;
  readonly outdir?: string;
  /**
   * The CDK's own CloudFormation template check at synthesis (cfn-lint in WebAssembly, reported as
   * warnings). @default true; template tests turn it off: it is a third of a synthesis of the 243
   * postings shards, and they assert on the templates and run cdk-nag themselves.
   */
  readonly builtinCloudFormationValidation?: boolean;
  /** Stack traces recorded in construct metadata. @default true */
  readonly stackTraces?: boolean;
}

export interface HojoApp {
  readonly app: App;
  readonly config: DeployConfig;
  readonly data: DataStack;
  readonly api: ApiStack;
  /** Present with `-c standbyRegion=…`. */
  readonly standby: StandbyStack | undefined;
  /** aws only (not in the fail-over deployment): the web ACL (us-east-1) and the distribution serving the API, the console and archives (home Region). */
  readonly edge: { readonly acl: EdgeStack; readonly web: WebStack } | undefined;
}

/**
 * The whole deployment from the declarations: a stateful stack (table, archive, the sharded postings
 * queues, user pool on AWS) and the API stack (functions, HTTP API, consumers and the unsharded
 * queues, schedules), checked by cdk-nag's
 * AwsSolutions pack; synthesis fails on any unacknowledged error.
 */
export function buildHojoApp(options: HojoAppOptions = {}): HojoApp {
  const routes = options.routes ?? declaredRoutes;
  const schedules = options.schedules ?? declaredSchedules;
  assertHandlersExist(routes, schedules, options.projectRoot);

  const app = new App({
    context: { ...featureFlags, ...options.context },
    outdir: options.outdir,
    analyticsReporting: false,
    builtinCloudFormationValidation: options.builtinCloudFormationValidation,
    stackTraces: options.stackTraces,
  });
  const config = readDeployConfig((key) => app.node.tryGetContext(key));
  const env = { account: config.account, region: config.region };
  const queueFamilies = queueFamilyPlans(config);

  // The standby Region's replica archive and backup vault exist before the primary replicates to them.
  const standby = config.standbyRegion
    ? new StandbyStack(app, 'HojoStandby', {
        env: { account: config.account, region: config.standbyRegion },
        config,
        description: `hojo standby Region ${config.standbyRegion}: archive replica, backup copies, alarm topic`,
        terminationProtection: true,
      })
    : undefined;
  const data = new DataStack(app, 'HojoData', {
    env,
    config,
    queueFamilies,
    description: `hojo stateful resources (${config.target}): ${config.adoptTable ? `the adopted ledger table ${config.adoptTable} (fail-over)` : 'ledger table'}, report archive, work queues${config.target === 'aws' ? ', user pool' : ''}`,
    terminationProtection: config.target === 'aws',
  });
  if (standby) data.addDependency(standby);
  const api = new ApiStack(app, 'HojoApi', {
    env,
    config,
    data,
    queueFamilies,
    routes,
    schedules,
    scheduleTimeZone,
    projectRoot: options.projectRoot,
    description: `hojo API, queue consumers and scheduled jobs (${config.target})`,
    terminationProtection: config.target === 'aws',
  });
  // The fail-over deployment (-c adoptTable) keeps the primary's edge: CloudFront is global and its API
  // origin is apiDomainName, which the runbook points at this Region's API. Building HojoEdge here
  // would redeploy the primary's us-east-1 stack towards this Region.
  const edge = config.target === 'aws' && !config.adoptTable ? buildEdge(app, config, data, api, routes) : undefined;
  Aspects.of(app).add(new NotifyOnAlarms());
  Tags.of(app).add('project', 'hojo');
  Tags.of(app).add('target', config.target);

  addNagChecks(app);
  return { app, config, data, api, standby, edge };
}

/**
 * CloudFront and WAF in front of the HTTP API (issue #19, finding 7), serving the console (#20) and
 * archive downloads on the same origin. The web ACL must live in us-east-1: the one stack outside
 * the allow-list, holding rules and request logs, no public-finance data.
 */
function buildEdge(app: App, config: DeployConfig, data: DataStack, api: ApiStack, routes: readonly Route[]): HojoApp['edge'] {
  const logRetention = api.logRetention;
  const acl = new EdgeStack(app, 'HojoEdge', {
    env: { account: config.account, region: edgeRegion },
    logRetention,
    description: 'hojo edge: the CloudFront web ACL (managed rules, per-address rate limits), which AWS keeps in us-east-1',
    terminationProtection: true,
  });
  const identity = data.identity;
  const web = new WebStack(app, 'HojoWeb', {
    env: { account: config.account, region: config.region },
    apiOriginHost: api.httpApi.originHost,
    routes,
    archive: data.archive.bucket,
    webAclArn: acl.webAclArn,
    // The console signs in by authorization code, which the app client allows only with callbacks configured.
    signIn:
      identity && config.oauthCallbackUrls.length > 0
        ? {
            issuer: identity.issuer,
            clientId: identity.client.userPoolClientId,
            ...identity.oauthEndpoints,
            scopes: ['openid', 'email', 'profile'],
            // The access token carries custom:gov (pre-token generation v2, access-token-claims.ts).
            apiToken: 'access_token',
          }
        : undefined,
    // Residents sign in on their own pool's domain, at the residents' callback (the console's URL).
    residentSignIn:
      data.residents && config.residentCallbackUrls.length > 0
        ? {
            issuer: data.residents.issuer,
            clientId: data.residents.client.userPoolClientId,
            ...data.residents.oauthEndpoints,
            scopes: ['openid', 'email'],
            apiToken: 'access_token',
          }
        : undefined,
    domain: config.webDomain,
    logRetention,
    standbyRegion: config.standbyRegion,
    description: 'hojo web: CloudFront (API, console, archive downloads on one origin) behind the edge web ACL',
    terminationProtection: true,
  });
  // The origin is the API's custom domain by name (no cross-stack reference): deploy the API first.
  web.addStackDependency(api);
  return { acl, web };
}

/** cdk-nag's AwsSolutions pack as a synthesis validation plugin: an unacknowledged error fails synth. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** Every missing handler at once, so one synth names all the modules still to write. */
function assertHandlersExist(routes: readonly Route[], schedules: readonly ScheduleDeclaration[], root: string | undefined): void {
  const declared = [
    ...routes.map((r) => ({ handler: r.handler, by: `route ${r.id} (${r.method} ${r.path})` })),
    ...Object.entries(queues).map(([key, q]) => ({ handler: q.consumer.handler, by: `queue "${key}" (shared/resources.ts)` })),
    ...schedules.map((s) => ({ handler: s.handler, by: `schedule "${s.name}" (shared/schedules.ts)` })),
  ];
  const problems: string[] = [];
  for (const { handler, by } of declared) {
    try {
      handlerEntry(handler, by, root);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    throw new Error(`cannot synthesize: ${problems.length} declared handler(s) missing:\n  - ${problems.join('\n  - ')}`);
  }
}
