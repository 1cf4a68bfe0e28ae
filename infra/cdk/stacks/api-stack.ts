import { CfnOutput, Duration, Fn, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaApplication } from 'aws-cdk-lib/aws-codedeploy';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  consumerFunctionId,
  handlerDomain,
  jobFunctionId,
  queueConstructId,
  routeFunctionId,
  routeGroupId,
  scheduleConstructId,
} from '#infra/cdk/construct-ids.ts';
import { HojoFunction } from '#infra/cdk/constructs/hojo-function.ts';
import { SafeRollout, rolloutRole } from '#infra/cdk/constructs/safe-rollout.ts';
import { PreTrafficHooks } from '#infra/cdk/constructs/pre-traffic-hooks.ts';
import type { SmokeKind } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';
import { grantOriginSecretRead, originSecretName } from '#infra/cdk/constructs/origin-secret.ts';
import { HojoHttpApi } from '#infra/cdk/constructs/hojo-http-api.ts';
import { familyArnPattern } from '#infra/cdk/constructs/queue-family.ts';
import { QueueWithConsumer } from '#infra/cdk/constructs/queue-with-consumer.ts';
import { ShardConsumers } from '#infra/cdk/constructs/shard-consumers.ts';
import { BusinessAlarms } from '#infra/cdk/constructs/business-alarms.ts';
import { businessAlarms, operationalAlarms } from '#shared/alarms.ts';
import { apiAlarms, deadLetterDepthAlarm, routeFailureAlarm } from '#infra/cdk/constructs/operations-alarms.ts';
import { Dashboards } from '#infra/cdk/constructs/dashboards.ts';
import { ScheduledJob } from '#infra/cdk/constructs/scheduled-job.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { deliveryPlans } from '#infra/cdk/delivery-plan.ts';
import { grantPermissions } from '#infra/cdk/grant-permissions.ts';
import type { GrantTargets, QueueTarget } from '#infra/cdk/grant-permissions.ts';
import { consumerPermissions, routePermissions, schedulePermissions } from '#infra/cdk/permissions.ts';
import type { FunctionPermissions } from '#infra/cdk/permissions.ts';
import type { QueueFamilyPlan } from '#infra/cdk/queue-family-plan.ts';
import type { DataStack } from '#infra/cdk/stacks/data-stack.ts';
import { machineClientsEnv } from '#shared/auth/machine-clients.ts';
import { originSecretEnv } from '#shared/auth/origin-verify.ts';
import { residentIssuerEnv } from '#shared/auth/resident-identity.ts';
import type { Route } from '#shared/http/route.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import type { QueueDeclaration, QueueKey } from '#shared/resources.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';

/**
 * Routes per nested stack: each route is about twelve resources (function, role, policy, log group,
 * version, live alias, deployment group, two alarms, route, integration, permission), so 24 keep a
 * nested stack near 300, well under CloudFormation's 500.
 */
export const routesPerNestedStack = 24;

export interface ApiStackProps extends StackProps {
  readonly config: DeployConfig;
  readonly data: DataStack;
  /** The sharded queue families, whose queues the data stack holds (infra/cdk/queue-family-plan.ts). */
  readonly queueFamilies: ReadonlyMap<QueueKey, QueueFamilyPlan>;
  /** Every API route (shared/routes/index.ts). */
  readonly routes: readonly Route[];
  /** Every scheduled job (shared/schedules.ts). */
  readonly schedules: readonly ScheduleDeclaration[];
  readonly scheduleTimeZone: string;
  /** Where functions/ lives; tests point it at a fixture tree. @default the repository root */
  readonly projectRoot?: string;
}

interface FunctionSpec {
  readonly id: string;
  readonly handler: string;
  readonly declaredBy: string;
  readonly description: string;
  readonly permissions: FunctionPermissions;
  readonly timeout?: Duration;
  readonly reservedConcurrentExecutions?: number;
  /** Carries the Parameters and Secrets extension (route functions on aws: the origin secret). */
  readonly secretsExtension?: boolean;
}

/**
 * The code: one function per route behind the HTTP API, the queues with their consumers, and the
 * scheduled jobs, all built from the declarations in shared/ and granted only what
 * infra/cdk/permissions.ts allows them. Each domain's route functions (the handler folder:
 * budget, expenditure, …) sit in a nested stack of their own: seven resources per route would
 * otherwise pass CloudFormation's 500 per stack at about 65 routes. A sharded queue family's queues
 * live in the data stack; here are its consumer (reserved concurrency) and one event source mapping
 * per shard, in nested stacks (ShardConsumers).
 */
export class ApiStack extends Stack {
  readonly httpApi: HojoHttpApi;
  readonly routeFunctions: ReadonlyMap<string, HojoFunction>;
  /** Unsharded queues with their consumers (settlement). */
  readonly queues: Readonly<Partial<Record<QueueKey, QueueWithConsumer>>>;
  /** Sharded families' consumers (postings). */
  readonly shardConsumers: ReadonlyMap<QueueKey, ShardConsumers>;
  /** How long every log group of the stack keeps its logs. */
  readonly logRetention: RetentionDays;
  private readonly config: DeployConfig;
  private readonly projectRoot: string | undefined;
  /** Every function and what it may touch; wired once all queues exist. */
  private readonly built: { readonly fn: HojoFunction; readonly permissions: FunctionPermissions }[] = [];
  private rolloutApplication: LambdaApplication | undefined;
  private preTrafficHooks: PreTrafficHooks | undefined;
  private readonly rolloutRoles = new Map<Stack, Role>();

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.config = props.config;
    this.projectRoot = props.projectRoot;
    this.logRetention = retentionOf(props.config.logRetentionDays);
    const { data } = props;
    this.addStackDependency(data);

    const unsharded: Partial<Record<QueueKey, QueueWithConsumer>> = {};
    const shardConsumers = new Map<QueueKey, ShardConsumers>();
    for (const key of Object.keys(queues) as QueueKey[]) {
      const declaration: QueueDeclaration = queues[key];
      const plan = props.queueFamilies.get(key);
      const built = this.buildFunction(this, {
        id: consumerFunctionId(key),
        handler: declaration.consumer.handler,
        declaredBy: `queue "${key}" (shared/resources.ts)`,
        description: `Consumes ${plan ? `the ${plan.shardCount} shards of ` : ''}${declaration.name}`,
        permissions: consumerPermissions(key),
        // Lambda's guidance: the queue's visibility timeout at least six times the function timeout.
        timeout: Duration.seconds(Math.max(3, Math.floor(declaration.visibilityTimeoutSeconds / 6))),
        reservedConcurrentExecutions: plan?.reservedConcurrency ?? deliveryPlans[key].maximumConcurrency,
      });
      // The mappings invoke the live alias: a new consumer version takes 10 % of the batches first.
      const rollout = this.safeRollout(built, `queue ${key}`, [], 'consumer');
      const consumer = rollout.alias;
      if (plan) {
        const family = new ShardConsumers(this, queueConstructId(key), { declaration, plan, consumer });
        shardConsumers.set(key, family);
        rollout.rollBackOn(family.consumerErrorsAlarm);
      } else {
        const workQueue = data.workQueues[key];
        if (!workQueue) throw new Error(`queue ${key} is not in the data stack`);
        const queue = new QueueWithConsumer(this, queueConstructId(key), {
          declaration,
          queue: workQueue.queue,
          consumer,
          maximumConcurrency: deliveryPlans[key].maximumConcurrency,
        });
        unsharded[key] = queue;
        rollout.rollBackOn(queue.consumerErrorsAlarm);
      }
    }
    this.queues = unsharded;
    this.shardConsumers = shardConsumers;

    this.httpApi = new HojoHttpApi(this, 'Http', {
      jwtIssuer: data.identity ? data.identity.issuer : props.config.jwtIssuer,
      // Client-credentials access tokens carry the machine client's id as client_id, which the JWT authorizer also checks.
      jwtAudience: data.identity
        ? [
            data.identity.client.userPoolClientId,
            ...data.identity.machineClients.map((c) => c.userPoolClientId),
            // Per-government clients, the stack's and those made outside it; the registry says whom each acts for.
            ...data.identity.governmentClients.map((c) => c.client.userPoolClientId),
            ...props.config.machineClientIds,
          ]
        : props.config.jwtAudience,
      residentJwt: data.residents ? { issuer: data.residents.issuer, audience: [data.residents.client.userPoolClientId] } : undefined,
      logRetention: retentionOf(props.config.logRetentionDays),
      originDomain: this.originDomain(props.config),
    });
    const routeFunctions = new Map<string, HojoFunction>();
    const groups = new Map<string, NestedStack>();
    const routesSeen = new Map<string, number>();
    for (const route of props.routes) {
      const domain = handlerDomain(route.handler);
      // A large domain (budget) spreads over several nested stacks of `routesPerNestedStack` routes.
      const seen = routesSeen.get(domain) ?? 0;
      routesSeen.set(domain, seen + 1);
      const part = Math.floor(seen / routesPerNestedStack);
      const group = part === 0 ? domain : `${domain}-${part + 1}`;
      let scope = groups.get(group);
      if (!scope) {
        scope = new NestedStack(this, routeGroupId(group), {
          description: `hojo ${domain} routes${part === 0 ? '' : ` (part ${part + 1})`}`,
        });
        groups.set(group, scope);
      }
      const fn = this.buildFunction(scope, {
        id: routeFunctionId(route.id),
        handler: route.handler,
        declaredBy: `route ${route.id} (${route.method} ${route.path})`,
        description: `${route.method} ${route.path}: ${route.summary}`,
        permissions: routePermissions(route),
        secretsExtension: props.config.target === 'aws',
      });
      if (props.config.target === 'aws') {
        // Only requests through CloudFront, which sends the origin secret (shared/middleware/verify-origin.ts).
        fn.function.addEnvironment(originSecretEnv, originSecretName);
        grantOriginSecretRead(fn.role, fn);
      }
      if (props.config.machineClients.length > 0) fn.function.addEnvironment(machineClientsEnv, props.config.machineClients.join(','));
      // Separated identity: a residents' token is a resident only, an officials' token never one (shared/auth/claims.ts).
      if (data.residents) fn.function.addEnvironment(residentIssuerEnv, data.residents.issuer);
      const what = `${route.method} ${route.path} (${route.id})`;
      const failures = routeFailureAlarm(fn, 'FailuresAlarm', what, fn.function);
      // API Gateway integrates the live alias, which CodeDeploy shifts to a new version by canary.
      this.httpApi.addRoute(scope, route, this.safeRollout(fn, what, [failures], 'route').alias);
      routeFunctions.set(route.id, fn);
    }
    this.routeFunctions = routeFunctions;
    apiAlarms(this.httpApi, this.httpApi.api);

    if (props.schedules.length > 0) this.addSchedules(props.schedules, props.scheduleTimeZone);

    const targets: GrantTargets = {
      table: data.table,
      archive: Bucket.fromBucketAttributes(this, 'ArchiveBucket', {
        bucketArn: Fn.importValue(data.archiveArnExport),
        bucketName: data.archive.bucket.bucketName,
      }),
      archiveArnAsNagSees: data.archiveArnExport,
      queues: forEachQueue((key): QueueTarget => {
        const declaration: QueueDeclaration = queues[key];
        const plan = props.queueFamilies.get(key);
        if (plan && declaration.shards) {
          return {
            arns: [familyArnPattern(this, declaration)],
            environment: {
              [declaration.env]: Fn.importValue(data.queueUrlTemplateExport(key)),
              [declaration.shards.countEnv]: String(plan.shardCount),
            },
          };
        }
        const queue = this.queues[key];
        if (!queue) throw new Error(`queue ${key} was not built`);
        return { arns: [queue.queue.queueArn], environment: { [declaration.env]: queue.queue.queueUrl } };
      }),
    };
    for (const { fn, permissions } of this.built) {
      grantPermissions(fn.function, fn.role, permissions, targets);
      for (const [name, value] of Object.entries(environmentFor(permissions, targets))) fn.function.addEnvironment(name, value);
    }

    new BusinessAlarms(this, 'BusinessAlarms', { declarations: businessAlarms });
    new Dashboards(this, 'Dashboards', {
      api: this.httpApi.api,
      table: data.table.table,
      settlement: this.queues.settlement?.queue,
      // The fail-over deployment's dashboards stand beside the primary's (dashboards are account-global).
      nameSuffix: props.config.adoptTable ? `-${this.region}` : undefined,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
    const origin = this.httpApi.originDomain;
    if (origin) {
      new CfnOutput(this, 'ApiOriginTarget', {
        description: `Point ${props.config.apiDomain?.name} at this name (CNAME, or a Route 53 alias): the API's only entrance, CloudFront's origin`,
        value: origin.regionalDomainName,
      });
    }
  }

  /**
   * aws: the API's custom domain and its certificate (issue #19, finding 7). The default execute-api
   * endpoint is disabled, so the name is required: without it the aws app would be unreachable, or
   * reachable around the web ACL.
   */
  private originDomain(config: DeployConfig): { name: string; certificate: ICertificate } | undefined {
    if (config.target !== 'aws') return undefined;
    if (!config.apiDomain) {
      throw new Error(
        'target aws needs -c apiDomainName=<name> (and -c apiCertificateArn=<ACM ARN in the Region>): the execute-api endpoint is disabled, CloudFront reaches the API by that name (README, Edge)',
      );
    }
    const { name, certificateArn } = config.apiDomain;
    const certificate = certificateArn
      ? Certificate.fromCertificateArn(this, 'ApiOriginCertificate', certificateArn)
      : new Certificate(this, 'ApiOriginCertificate', { domainName: name, validation: CertificateValidation.fromDns() });
    return { name, certificate };
  }

  private addSchedules(schedules: readonly ScheduleDeclaration[], timeZone: string): void {
    const failedInvocations = new Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    deadLetterDepthAlarm(this, 'ScheduleDeadLetterAlarm', failedInvocations, operationalAlarms.scheduleDeadLetters.description);
    Validations.of(failedInvocations).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the EventBridge schedules (invocations that failed after retries).',
    });
    for (const schedule of schedules) {
      const job = this.buildFunction(this, {
        id: jobFunctionId(schedule.name),
        handler: schedule.handler,
        declaredBy: `schedule "${schedule.name}" (shared/schedules.ts)`,
        description: schedule.description,
        permissions: schedulePermissions(schedule),
        timeout: Duration.minutes(1),
      });
      // The schedule invokes the live alias, like the API and the mappings: a new job version is
      // shifted by canary and rolled back on its errors and throttles, never run as $LATEST.
      const what = `schedule ${schedule.name}`;
      const failures = routeFailureAlarm(job, 'FailuresAlarm', what, job.function);
      new ScheduledJob(this, scheduleConstructId(schedule.name), {
        declaration: schedule,
        timeZone,
        job: this.safeRollout(job, what, [failures]).alias,
        deadLetterQueue: failedInvocations,
      });
    }
  }

  /** Version, live alias and (aws) canary deployment of a function (safe-rollout.ts); one service role per stack. */
  private safeRollout(fn: HojoFunction, what: string, alarms: readonly Alarm[], smokeTest?: SmokeKind): SafeRollout {
    if (this.config.target !== 'aws') return new SafeRollout(fn, 'Rollout', { fn: fn.function, what, alarms });
    const stack = Stack.of(fn);
    let role = this.rolloutRoles.get(stack);
    if (!role) {
      role = rolloutRole(stack, `${stack === this ? '' : stack.node.id}RolloutRole`);
      this.rolloutRoles.set(stack, role);
    }
    this.rolloutApplication ??= new LambdaApplication(this, 'Rollouts', { applicationName: 'hojo' });
    this.preTrafficHooks ??= new PreTrafficHooks(this, 'PreTrafficHooks', {
      applicationName: 'hojo',
      logRetention: this.logRetention,
      tracing: true,
      lambdaInsights: this.config.lambdaInsights,
    });
    if (smokeTest) this.preTrafficHooks.grantInvoke(smokeTest, role);
    const preTrafficHook = smokeTest ? this.preTrafficHooks.hooks[smokeTest].function : undefined;
    return new SafeRollout(fn, 'Rollout', {
      fn: fn.function,
      what,
      alarms,
      deployment: { application: this.rolloutApplication, role, preTrafficHook },
    });
  }

  private buildFunction(scope: Construct, spec: FunctionSpec): HojoFunction {
    const fn = new HojoFunction(scope, spec.id, {
      handler: spec.handler,
      declaredBy: spec.declaredBy,
      description: spec.description,
      timeout: spec.timeout,
      reservedConcurrentExecutions: spec.reservedConcurrentExecutions,
      secretsExtension: spec.secretsExtension,
      tracing: this.config.target === 'aws',
      lambdaInsights: this.config.lambdaInsights,
      logRetention: retentionOf(this.config.logRetentionDays),
      endpointUrl: this.config.endpointUrl,
      projectRoot: this.projectRoot,
    });
    this.built.push({ fn, permissions: spec.permissions });
    return fn;
  }
}

/** The resource names a function may use, under the variables shared/config/env.ts reads. */
function environmentFor(permissions: FunctionPermissions, targets: GrantTargets): Record<string, string> {
  const env: Record<string, string> = {};
  if (permissions.table !== 'none' || permissions.inspectAll) env[table.env] = targets.table.table.tableName;
  const queueKeys = permissions.inspectAll ? (Object.keys(queues) as QueueKey[]) : permissions.sendTo;
  for (const key of queueKeys) Object.assign(env, targets.queues[key].environment);
  if (permissions.archive !== 'none' || permissions.inspectAll) env[buckets.archive.env] = targets.archive.bucketName;
  return env;
}

function forEachQueue<T>(make: (key: QueueKey) => T): Record<QueueKey, T> {
  return Object.fromEntries((Object.keys(queues) as QueueKey[]).map((key) => [key, make(key)])) as Record<QueueKey, T>;
}

/** A CloudWatch Logs retention from `logRetentionDays`, refused when CloudWatch has no such retention. */
export function retentionOf(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number');
  if (!allowed.includes(days as RetentionDays)) {
    throw new Error(`logRetentionDays ${days} is not a CloudWatch Logs retention (one of ${allowed.join(', ')})`);
  }
  return days as RetentionDays;
}
