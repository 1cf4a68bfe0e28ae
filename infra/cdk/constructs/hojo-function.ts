import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  LambdaInsightsVersion,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsVersions,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerEntry, projectRoot } from '#infra/cdk/handler-entry.ts';

export interface HojoFunctionProps {
  /** Handler module under functions/, without extension ('registry/get-government'). Must export `handler`. */
  readonly handler: string;
  /**
   * Instead of a declared handler, a module of the infrastructure itself (a CodeDeploy hook, a
   * secret rotation), by absolute path; it is bundled from the repository root. @default - `handler`
   */
  readonly infraEntry?: string;
  /**
   * The AWS Parameters and Secrets Lambda Extension, through which the function reads secrets on
   * localhost (the bundles carry no Secrets Manager client). Its own cache is off: the reader caches
   * (shared/auth/origin-verify.ts). @default false
   */
  readonly secretsExtension?: boolean;
  /** Who declares this function (a route id, a queue, a schedule); named in synthesis errors. */
  readonly declaredBy: string;
  /** Shown in the Lambda console. @default - none */
  readonly description?: string;
  /** @default 512 (MB). ARM64 at 512 MB gives the SDK and zod validation a fast cold start at low cost. */
  readonly memorySize?: number;
  /** @default Duration.seconds(10): API Gateway HTTP APIs stop waiting after 30 s, fail well before. */
  readonly timeout?: Duration;
  /** Executions reserved for this function (and its ceiling). @default none: the account's unreserved pool */
  readonly reservedConcurrentExecutions?: number;
  /** Resource names and other settings the handler reads (e.g. TABLE_NAME). @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** X-Ray active tracing (aws target only). @default false */
  readonly tracing?: boolean;
  /** Lambda Insights extension (aws target only). @default false */
  readonly lambdaInsights?: boolean;
  /** Retention of the function's own log group. */
  readonly logRetention: RetentionDays;
  /** Passed as AWS_ENDPOINT_URL, which the AWS SDK reads (on-prem stacks). @default - the AWS endpoints */
  readonly endpointUrl?: string;
  /** Powertools log level. @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Bundle and project root; tests point this at a fixture tree. @default the repository root */
  readonly projectRoot?: string;
}

export const functionRuntime = Runtime.NODEJS_24_X;

/** Lets ESM bundles load CommonJS dependencies that call require() (parts of the AWS SDK, middy). */
const requireShim =
  "import { createRequire as __hojoCreateRequire } from 'node:module'; const require = __hojoCreateRequire(import.meta.url);";

/**
 * Every Lambda of the project, with the same defaults: Node.js 24 on ARM64, an ESM bundle built by
 * the local esbuild (no Docker), minified with source maps, its own log group with retention, an
 * execution role that may write only to that log group (grants are added by the caller), the
 * Powertools settings, and X-Ray tracing on AWS.
 */
export class HojoFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HojoFunctionProps) {
    super(scope, id);
    const root = props.infraEntry ? projectRoot : (props.projectRoot ?? projectRoot);
    const entry = props.infraEntry ?? handlerEntry(props.handler, props.declaredBy, root);

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.declaredBy}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: root,
      depsLockFilePath: join(root, 'package-lock.json'),
      runtime: functionRuntime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      description: props.description?.slice(0, 256),
      role: this.role,
      logGroup: this.logGroup,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      insightsVersion: props.lambdaInsights ? LambdaInsightsVersion.VERSION_1_0_498_0 : undefined,
      paramsAndSecrets: props.secretsExtension
        ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, { cacheEnabled: false })
        : undefined,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'hojo',
        POWERTOOLS_METRICS_NAMESPACE: 'Hojo',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...(props.tracing ? {} : { POWERTOOLS_TRACE_DISABLED: 'true' }),
        ...(props.endpointUrl ? { AWS_ENDPOINT_URL: props.endpointUrl } : {}),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        banner: requireShim,
        // The AWS SDK v3 comes with the nodejs24.x runtime (and LocalStack's): leaving it out keeps every
        // bundle under 500 KB and the cold start short. The price is that the runtime's SDK version,
        // not the lock file's, answers in Lambda; the SDK's v3 API is stable across minor versions.
        bundleAwsSDK: false,
        forceDockerBundling: false,
      },
    });

    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; this is the only wildcard.',
      });
    }
    if (props.lambdaInsights) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy]',
        reason: 'Lambda Insights (opt-in with -c lambdaInsights=true) needs its AWS-maintained policy to write performance logs.',
      });
    }
  }
}
