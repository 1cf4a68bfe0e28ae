import { queues } from '#shared/resources.ts';

/**
 * What the CDK app is built for, read from CDK context (`-c key=value` or cdk.json).
 *
 * - `target`: `aws` (the public region: Cognito, X-Ray) or `onprem` (an AWS-compatible stack:
 *   no Cognito, no X-Ray, no Lambda Insights; an external OIDC issuer; optional endpoint override).
 * - `region`: default ap-northeast-2 (Seoul).
 * - `jwtIssuer` / `jwtAudience`: onprem only; the OIDC issuer the API's JWT authorizer trusts.
 * - `endpointUrl`: onprem only; passed to every function as AWS_ENDPOINT_URL, which the SDK reads.
 * - `lambdaInsights`: aws only; `true` adds the Lambda Insights extension to every function.
 * - `logRetentionDays`: retention of every log group; default 365 (one fiscal year plus closing).
 * - `<queue>Shards` (`postingsShards`): how many queues a sharded family deploys (postings: one per
 *   government by default, shared/resources.ts).
 * - `<queue>ReservedConcurrency` (`postingsReservedConcurrency`): reserved concurrency of the family's
 *   consumer; default shards × the per-shard MaximumConcurrency, so that every shard can run at once
 *   (infra/cdk/queue-family-plan.ts).
 * - `lambdaConcurrencyLimit`: the account's regional Lambda concurrency quota (default 1000, what AWS
 *   grants unless raised): synthesis refuses a reservation that would leave less than 100 unreserved.
 */
export type DeployTarget = 'aws' | 'onprem';

export interface DeployConfig {
  readonly target: DeployTarget;
  readonly region: string;
  readonly account: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  readonly endpointUrl: string | undefined;
  readonly lambdaInsights: boolean;
  readonly logRetentionDays: number;
  /** Per sharded queue family (shared/resources.ts `shards`), what context overrides. */
  readonly queueFamilies: Readonly<Record<string, QueueFamilyConfig>>;
  readonly lambdaConcurrencyLimit: number;
}

export interface QueueFamilyConfig {
  /** @default the declaration's shard count (postings: 243) */
  readonly shards: number | undefined;
  /** @default shards × maximumConcurrencyPerShard */
  readonly reservedConcurrency: number | undefined;
}

/**
 * Placeholder issuer for a local on-prem synth: a deployed JWT authorizer needs the organisation's OIDC
 * issuer URL (-c jwtIssuer=…). The self-hosted runtime's development issuer (urn:hojo:dev-issuer) is
 * not an OIDC endpoint and serves only that runtime.
 */
export const defaultOnpremIssuer = 'http://localhost:3000';
/** The audience the local runtime's development issuer stamps (infra/runtime/jwt/dev-issuer.ts), so one token works on both. */
export const defaultOnpremAudience = 'hojo-api';
export const defaultRegion = 'ap-northeast-2';
/** Lambda's default concurrent executions per account and Region (an adjustable quota). */
export const defaultLambdaConcurrencyLimit = 1000;

type ContextReader = (key: string) => unknown;

export function readDeployConfig(context: ContextReader, env: NodeJS.ProcessEnv = process.env): DeployConfig {
  const target = text(context('target')) ?? 'aws';
  if (target !== 'aws' && target !== 'onprem') {
    throw new Error(`context target must be "aws" or "onprem", got "${target}" (use -c target=aws or -c target=onprem)`);
  }
  // The rehearsal clock (shared/clock.ts) is for the local runtime and the tests: a deployed
  // government's books always run on the real time.
  if (text(env.HOJO_CLOCK) !== undefined || text(context('hojoClock')) !== undefined) {
    throw new Error('HOJO_CLOCK is a rehearsal clock for the local runtime and tests only; unset it to synthesise or deploy the CDK app');
  }
  const onprem = target === 'onprem';
  const config: DeployConfig = {
    target,
    region: text(context('region')) ?? env.CDK_DEFAULT_REGION ?? defaultRegion,
    account: text(context('account')) ?? env.CDK_DEFAULT_ACCOUNT,
    jwtIssuer: text(context('jwtIssuer')) ?? defaultOnpremIssuer,
    jwtAudience: (text(context('jwtAudience')) ?? defaultOnpremAudience)
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    endpointUrl: onprem ? text(context('endpointUrl')) : undefined,
    lambdaInsights: !onprem && flag(context('lambdaInsights')),
    logRetentionDays: Number(text(context('logRetentionDays')) ?? 365),
    queueFamilies: Object.fromEntries(
      Object.entries(queues)
        .filter(([, declaration]) => 'shards' in declaration)
        .map(([key]) => [
          key,
          { shards: wholeNumber(context, `${key}Shards`), reservedConcurrency: wholeNumber(context, `${key}ReservedConcurrency`) },
        ]),
    ),
    lambdaConcurrencyLimit: wholeNumber(context, 'lambdaConcurrencyLimit') ?? defaultLambdaConcurrencyLimit,
  };
  if (onprem && !/^https?:\/\//.test(config.jwtIssuer)) {
    throw new Error(`context jwtIssuer must be an http(s) URL, got "${config.jwtIssuer}"`);
  }
  return config;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

function wholeNumber(context: ContextReader, key: string): number | undefined {
  const raw = text(context(key));
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`context ${key} must be a whole number above 0, got "${raw}"`);
  return value;
}

/** Context values arrive as strings from the command line and as booleans from cdk.json. */
function flag(value: unknown): boolean {
  return value === true || value === 'true';
}
