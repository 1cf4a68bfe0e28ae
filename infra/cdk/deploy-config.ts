import { machineKindOf, parseMachineClientSpec, parseMachineClients } from '#shared/auth/machine-clients.ts';
import type { Role } from '#shared/auth/roles.ts';
import { queues } from '#shared/resources.ts';
import { residentEmailOf } from '#infra/cdk/resident-email.ts';
import type { ResidentEmail } from '#infra/cdk/resident-email.ts';

/**
 * What the CDK app is built for, read from CDK context (`-c key=value` or cdk.json).
 *
 * - `target`: `aws` (the public region: Cognito, X-Ray) or `onprem` (an AWS-compatible stack:
 *   no Cognito, no X-Ray, no Lambda Insights; an external OIDC issuer; optional endpoint override).
 * - `region`: where the app is deployed, pinned in cdk.json (ap-northeast-2, Seoul). The CDK CLI's
 *   `CDK_DEFAULT_REGION` (the profile's region) is never read: public-finance data stays where the
 *   operator decided, not where a shell happens to point (issue #19, finding 1).
 * - `allowedRegions`: the Regions the operator allows (cdk.json; a list or a comma-separated string),
 *   default ap-northeast-2 alone; synthesis refuses a `region` or `standbyRegion` outside it.
 * - `standbyRegion`: optional second Region (aws only) for the standby stack, the table replica and the
 *   archive and backup copies (README, Fail-over); must be allowed and differ from `region`.
 * - `jwtIssuer` / `jwtAudience`: onprem only; the OIDC issuer the API's JWT authorizer trusts.
 * - `endpointUrl`: onprem only; passed to every function as AWS_ENDPOINT_URL, which the SDK reads.
 * - `lambdaInsights`: aws only; `true` adds the Lambda Insights extension to every function.
 * - `logRetentionDays`: retention of every log group; default 365 (one fiscal year plus closing).
 * - `<queue>Shards` (`postingsShards`): how many queues a sharded family deploys (postings: one per
 *   government by default, shared/resources.ts).
 * - `<queue>ReservedConcurrency` (`postingsReservedConcurrency`): reserved concurrency of the family's
 *   consumer; default shards × the per-shard MaximumConcurrency, so that every shard can run at once
 *   (infra/cdk/queue-family-plan.ts).
 * - `alarmEmails` / `alarmUrls`: who the alarm topic notifies (lists, as `allowedRegions`): e-mail
 *   addresses and HTTPS endpoints (a paging service). Without any, the topic exists and every alarm
 *   sends to it, but nobody is subscribed: subscribe before going live (README, Alarms).
 * - `backupCopyVaultArns`: backup vaults (another account and/or Region; list) that receive a copy of
 *   every ledger backup, besides the standby Region's vault. The destination vault's access policy
 *   must allow this account to copy into it (README, Backups).
 * - `authDomainPrefix`: aws only; the Cognito domain prefix (globally unique) of the token endpoint the
 *   machine clients call; default `hojo-<account>` or `hojo-auth`.
 * - `oauthCallbackUrls`: aws only; https callback URLs of the officials' web client (authorization
 *   code); none: the client has no OAuth flow (SRP sign-in from the client only).
 * - `residentCallbackUrls`: aws only; https callback URLs of the residents' web client (authorization
 *   code, on the residents' own Cognito domain `<authDomainPrefix>-residents`); none: no OAuth flow.
 * - `residentEmailFrom` / `residentSesIdentityArn` / `residentSesConfigurationSet`: aws only; the
 *   residents' pool sends its verification e-mails through Amazon SES from that address (identity: the
 *   ARN's verified domain or address, else the address in `region`; the Region must be one Cognito
 *   supports for the pool and in `allowedRegions`; infra/cdk/resident-email.ts). Without it, Cognito's
 *   own e-mail (50 a day per account): for trials only.
 * - `machineClients`: the machine clients (list), two forms, each for one government or a set
 *   (`role@government+government…`: a bank for the governments whose 금고 it is, an operator for those
 *   whose department systems it runs). `role@government[+…]` (`treasury_bank@11110+26000`): aws only;
 *   the stack creates one client-credentials app client per entry with the role's scopes, admits it to
 *   the JWT authorizer and outputs `clientId=role@government[+…]` (`MachineClients`) for
 *   `npm run machine-clients -- register-all`; the entry's first government names the client, so
 *   governments added after it keep its id and secret. `clientId=role@government[+…]`: a client Cognito
 *   already issued (the stack's or one made outside it), passed to every route function as
 *   HOJO_MACHINE_CLIENTS, read before the table's registry (shared/auth/machine-clients.ts); a token
 *   acts, in the role its scopes back, for the government of the request's path when it is one of its
 *   client's, and any other client is refused.
 * - `machineClientIds`: aws only; further Cognito client ids (list) the JWT authorizer accepts besides
 *   the stack's own clients: client-credentials clients made outside the stack (one per bank link or
 *   operator, or a government's own), whose governments and role the table's registry holds
 *   (`npm run machine-clients`). With the stack's clients, 47 at most: a JWT authorizer takes 50
 *   audiences (API Gateway quota, not adjustable) and the stack's console and kind clients take 3;
 *   one client per bank and operator, each for its set of governments, stays well below (README, Identity).
 * - `webDomainNames` / `webCertificateArn`: aws only; the names the CloudFront distribution answers on
 *   (list) and the ACM certificate covering them, which CloudFront takes from us-east-1 only; both or
 *   neither (then the distribution's *.cloudfront.net name). The console's sign-in callback is
 *   `https://<name>/console/` (add it to `oauthCallbackUrls`).
 * - `apiDomainName` / `apiCertificateArn`: aws only, `apiDomainName` **required**: the name the HTTP API
 *   answers on as CloudFront's origin (a regional API Gateway custom domain), because the default
 *   `execute-api` endpoint is disabled on aws so that nobody reaches the API around CloudFront and
 *   its web ACL (issue #19, finding 7). `apiCertificateArn`: an ACM certificate for that name in
 *   `region`; absent: the stack requests one with DNS validation (the deployment waits until the
 *   validation record is in DNS). The name's DNS record points at the stack output `ApiOriginTarget`.
 * - `adoptTable`: aws only, the fail-over deployment (README, Fail-over runbook): the name of the
 *   ledger table that already exists in `region` (the global table's replica, or a table restored from
 *   a recovery point). `HojoData` then references it by name and ARN in `region` instead of creating
 *   one: the table belongs to the primary's stack or to nobody, and this deployment never creates,
 *   replaces or deletes it. The alarm topic and the backup vault are the ones `HojoStandby` made in
 *   that Region. Refused empty, malformed, on-prem, or with a `standbyRegion` of its own.
 * - `lambdaConcurrencyLimit`: the account's regional Lambda concurrency quota (default 1000, what AWS
 *   grants unless raised): synthesis refuses a reservation that would leave less than 100 unreserved.
 */
export type DeployTarget = 'aws' | 'onprem';

export interface DeployConfig {
  readonly target: DeployTarget;
  readonly region: string;
  readonly allowedRegions: readonly string[];
  readonly standbyRegion: string | undefined;
  readonly account: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  readonly endpointUrl: string | undefined;
  readonly lambdaInsights: boolean;
  readonly logRetentionDays: number;
  /** Per sharded queue family (shared/resources.ts `shards`), what context overrides. */
  readonly queueFamilies: Readonly<Record<string, QueueFamilyConfig>>;
  readonly lambdaConcurrencyLimit: number;
  readonly alarmEmails: readonly string[];
  readonly alarmUrls: readonly string[];
  readonly backupCopyVaultArns: readonly string[];
  readonly authDomainPrefix: string;
  readonly oauthCallbackUrls: readonly string[];
  readonly residentCallbackUrls: readonly string[];
  /** aws: the residents' pool sends through Amazon SES; undefined: Cognito's own e-mail (trials). */
  readonly residentEmail: ResidentEmail | undefined;
  /** `clientId=role@government` entries, validated (shared/auth/machine-clients.ts). */
  readonly machineClients: readonly string[];
  /** `role@government` entries: the client-credentials clients the stack creates (aws). */
  readonly stackMachineClients: readonly StackMachineClient[];
  /** Cognito client ids the JWT authorizer accepts besides the stack's own (registered in the table). */
  readonly machineClientIds: readonly string[];
  /** The distribution's custom names and their us-east-1 certificate; undefined: the *.cloudfront.net name. */
  readonly webDomain: { readonly names: readonly string[]; readonly certificateArn: string } | undefined;
  /** aws: the API's custom domain, CloudFront's origin (the execute-api endpoint is disabled); onprem: undefined. */
  readonly apiDomain: { readonly name: string; readonly certificateArn: string | undefined } | undefined;
  /** The fail-over deployment: the existing ledger table in `region` that HojoData references instead of creating one. */
  readonly adoptTable: string | undefined;
}

/** A machine client the stack creates: its role (a machine kind's) and its governments (the first names it). */
export interface StackMachineClient {
  readonly role: Role;
  readonly govs: readonly string[];
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

/** What HOJO_MACHINE_CLIENTS may take of a function's 4 KB environment (the rest: names, settings). */
export const maxMachineClientsLength = 2500;

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
  // `clientId=role@government[+…]`: issued clients for the environment; `role@government[+…]`: clients the stack makes.
  const machineEntries = list(context('machineClients')) ?? [];
  // The residents' e-mail is read once the Regions are known to be allowed (below).
  const config: Omit<DeployConfig, 'residentEmail'> = {
    target,
    region: text(context('region')) ?? defaultRegion,
    allowedRegions: list(context('allowedRegions')) ?? [defaultRegion],
    standbyRegion: onprem ? undefined : text(context('standbyRegion')),
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
    alarmEmails: list(context('alarmEmails')) ?? [],
    alarmUrls: list(context('alarmUrls')) ?? [],
    backupCopyVaultArns: list(context('backupCopyVaultArns')) ?? [],
    authDomainPrefix: text(context('authDomainPrefix')) ?? `hojo-${text(context('account')) ?? env.CDK_DEFAULT_ACCOUNT ?? 'auth'}`,
    oauthCallbackUrls: list(context('oauthCallbackUrls')) ?? [],
    residentCallbackUrls: list(context('residentCallbackUrls')) ?? [],
    machineClients: machineEntries.filter((entry) => entry.includes('=')),
    stackMachineClients: stackMachineClients(machineEntries.filter((entry) => !entry.includes('='))),
    machineClientIds: onprem ? [] : (list(context('machineClientIds')) ?? []),
    webDomain: webDomain(list(context('webDomainNames')), text(context('webCertificateArn'))),
    apiDomain: onprem ? undefined : apiDomain(text(context('apiDomainName')), text(context('apiCertificateArn'))),
    adoptTable: adoptTable(context('adoptTable')),
  };
  if (onprem && config.stackMachineClients.length > 0) {
    throw new Error('context machineClients: role@government entries (clients the stack creates) need Cognito, the aws target');
  }
  if (config.adoptTable !== undefined) {
    if (onprem)
      throw new Error('context adoptTable is the AWS fail-over deployment: on-prem restores its own table (README, Deploy on-prem)');
    if (config.standbyRegion !== undefined) {
      throw new Error(
        'context adoptTable with standbyRegion: the fail-over deployment has no standby of its own (add one after fail-back)',
      );
    }
  }
  parseMachineClients(config.machineClients.join(','));
  // Lambda allows 4 KB of environment per function; past this the registry belongs in the table.
  if (config.machineClients.join(',').length > maxMachineClientsLength) {
    throw new Error(`context machineClients: over ${maxMachineClientsLength} characters would pass Lambda's 4 KB environment limit`);
  }
  for (const arn of config.backupCopyVaultArns) {
    if (!/^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[\w.-]+$/.test(arn)) {
      throw new Error(`context backupCopyVaultArns: "${arn}" is not a backup vault ARN`);
    }
  }
  for (const url of [...config.alarmUrls, ...config.oauthCallbackUrls, ...config.residentCallbackUrls]) {
    if (!url.startsWith('https://')) {
      throw new Error(`context: "${url}" is not an https:// URL (alarmUrls, oauthCallbackUrls, residentCallbackUrls)`);
    }
  }
  assertRegionsAllowed(config, env);
  const residentEmail = onprem
    ? undefined
    : residentEmailOf(
        {
          from: text(context('residentEmailFrom')),
          identityArn: text(context('residentSesIdentityArn')),
          configurationSet: text(context('residentSesConfigurationSet')),
        },
        config,
      );
  const apiCertificateRegion = config.apiDomain?.certificateArn?.split(':')[3];
  if (apiCertificateRegion !== undefined && apiCertificateRegion !== config.region) {
    throw new Error(`context apiCertificateArn is in ${apiCertificateRegion}: API Gateway takes the certificate from ${config.region}`);
  }
  if (onprem && !/^https?:\/\//.test(config.jwtIssuer)) {
    throw new Error(`context jwtIssuer must be an http(s) URL, got "${config.jwtIssuer}"`);
  }
  return { ...config, residentEmail };
}

/** The deployment Region and the standby Region must be in the allow-list; the CLI's default Region never decides. */
function assertRegionsAllowed(config: Pick<DeployConfig, 'region' | 'allowedRegions' | 'standbyRegion'>, env: NodeJS.ProcessEnv): void {
  const allowed = config.allowedRegions.join(', ');
  const cliRegion = text(env.CDK_DEFAULT_REGION);
  const hint = cliRegion && cliRegion !== config.region ? ` (the CLI's default Region ${cliRegion} is ignored on purpose)` : '';
  if (!config.allowedRegions.includes(config.region)) {
    throw new Error(`context region "${config.region}" is not in allowedRegions [${allowed}] (cdk.json): refusing to synthesize${hint}`);
  }
  if (config.standbyRegion !== undefined) {
    if (!config.allowedRegions.includes(config.standbyRegion)) {
      throw new Error(
        `context standbyRegion "${config.standbyRegion}" is not in allowedRegions [${allowed}] (cdk.json): refusing to synthesize`,
      );
    }
    if (config.standbyRegion === config.region) throw new Error(`context standbyRegion must differ from region "${config.region}"`);
  }
}

/**
 * `role@government[+government…]` entries: one client per entry, the role a machine kind's (the
 * scopes come from the kind: shared/auth/machine-clients.ts). The client is named by its kind, its
 * first government and whether it is a set (`stackMachineClientName`); two entries with the same name
 * would be one client, so they are refused (a repeated entry included). Two clients may share a
 * government: its two 금고 (지방회계법 제38조③) are two banks.
 */
function stackMachineClients(entries: readonly string[]): StackMachineClient[] {
  const seen = new Map<string, string>();
  return entries.map((entry) => {
    let client: StackMachineClient;
    try {
      client = parseMachineClientSpec(entry);
    } catch (error) {
      throw new Error(`context machineClients: ${(error as Error).message}; nor is it clientId=role@government`);
    }
    const name = stackMachineClientName(client);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new Error(
        `context machineClients: "${entry}" and "${earlier}" would be the same client ${name}: start one with another government`,
      );
    }
    seen.set(name, entry);
    return client;
  });
}

/**
 * The Cognito client name and construct id of a client the stack makes: `hojo-<kind>-<first government>`
 * for one government (as before sets existed, so such clients are never replaced) and
 * `hojo-<kind>-<first government>-set` for several. Adding a government to a set keeps the client.
 */
export function stackMachineClientName({ role, govs }: StackMachineClient): string {
  const kind = machineKindOf(role);
  if (kind === undefined) throw new Error(`${role} is not a machine client's role`);
  return `hojo-${kind}-${govs[0]}${govs.length > 1 ? '-set' : ''}`;
}

/** DynamoDB's table names: 3 to 255 of letters, digits, `_`, `-`, `.`. */
const tableNamePattern = /^[A-Za-z0-9_.-]{3,255}$/;

/** `-c adoptTable=` with no name is a mistake, never "create a table after all". */
function adoptTable(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const name = text(value);
  if (name === undefined)
    throw new Error('context adoptTable is empty: name the table that exists in the Region (the replica or the restored table)');
  if (!tableNamePattern.test(name)) throw new Error(`context adoptTable: "${name}" is not a DynamoDB table name`);
  return name;
}

/** The distribution's names and certificate: both or neither; CloudFront takes certificates from us-east-1 only. */
function webDomain(names: string[] | undefined, certificateArn: string | undefined): DeployConfig['webDomain'] {
  if (names === undefined && certificateArn === undefined) return undefined;
  if (names === undefined || certificateArn === undefined) {
    throw new Error('context webDomainNames and webCertificateArn go together: the names and the certificate covering them');
  }
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new Error(`context webCertificateArn: "${certificateArn}" is not an ACM certificate ARN in us-east-1 (CloudFront's Region)`);
  }
  return { names, certificateArn };
}

/**
 * The API's origin name and its certificate, which API Gateway takes from the API's own Region. A
 * missing name is refused later, when the aws app is built (infra/cdk/stacks/api-stack.ts), so that
 * reading the configuration alone never needs it.
 */
function apiDomain(name: string | undefined, certificateArn: string | undefined): DeployConfig['apiDomain'] {
  if (name === undefined) {
    if (certificateArn !== undefined) throw new Error('context apiCertificateArn needs apiDomainName: the name it covers');
    return undefined;
  }
  if (!/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(name)) {
    throw new Error(`context apiDomainName: "${name}" is not a lower-case DNS name`);
  }
  if (certificateArn !== undefined && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new Error(`context apiCertificateArn: "${certificateArn}" is not an ACM certificate ARN`);
  }
  return { name, certificateArn };
}

/** A list from cdk.json (an array) or the command line (comma-separated). */
function list(value: unknown): string[] | undefined {
  const items = (Array.isArray(value) ? value.map(String) : (text(value)?.split(',') ?? [])).map((v) => v.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
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
