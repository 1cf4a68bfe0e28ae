import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { PasswordPolicy, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AccessTokenClaims } from '#infra/cdk/constructs/access-token-claims.ts';
import { explicitOAuth } from '#infra/cdk/constructs/explicit-oauth.ts';
import { machineClientKinds as machineClients, machineKindOf, resourceServerIdentifier } from '#shared/auth/machine-clients.ts';
import type { MachineClientKind } from '#shared/auth/machine-clients.ts';
import { stackMachineClientName } from '#infra/cdk/deploy-config.ts';
import type { StackMachineClient } from '#infra/cdk/deploy-config.ts';
import { roles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';

/** Officials' and residents' pools alike: 12 characters of four kinds; a temporary password lasts 3 days. */
export const passwordPolicy: PasswordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  tempPasswordValidity: Duration.days(3),
};

/** Machine clients (OAuth client credentials) and the scopes each receives (resource server `hojo`). */
export { machineClientKinds as machineClients, resourceServerIdentifier } from '#shared/auth/machine-clients.ts';

export interface IdentityProps {
  /** Cognito hosted domain prefix (token endpoint of the machine clients). */
  readonly domainPrefix: string;
  /** Authorization-code callback URLs of the officials' web client; none: no browser OAuth flow. */
  readonly callbackUrls: readonly string[];
  /** Lifetime of ID and access tokens. @default Duration.hours(1) */
  readonly tokenValidity?: Duration;
  /** Lifetime of refresh tokens. @default Duration.hours(12), one working day */
  readonly refreshTokenValidity?: Duration;
  /** Retention of the pre-token-generation trigger's log group. */
  readonly logRetention: RetentionDays;
  /** Client-credentials clients to create, each for one government or a set (`-c machineClients=role@government+…,…`). @default none */
  readonly governmentClients?: readonly StackMachineClient[];
}

/** A client the stack made for one government or a set: whom it acts for, and the app client. */
export interface GovernmentClient extends StackMachineClient {
  readonly client: UserPoolClient;
}

/**
 * Who may call the API on AWS: a Cognito user pool of officials (no self sign-up: the government
 * or the ministry creates accounts), one group per role (the groups reach the handlers as the
 * `cognito:groups` claim), the government code and department as custom attributes (`custom:gov`,
 * `custom:dept`; see shared/auth/claims.ts), TOTP MFA required, threat protection enforced, and one
 * app client whose ID token the API's JWT authorizer accepts (SRP only, explicit OAuth: authorization
 * code to configured callbacks, never the implicit grant). Machines (the treasury bank link,
 * department systems) do not hold user accounts with TOTP: each has a client-credentials app
 * client with its own scopes on the `hojo` resource server (issue #19, finding 10). Users cannot change their own
 * government or department: the client may read those attributes but not write them.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly groups: Readonly<Record<Role, CfnUserPoolGroup>>;
  /** Client-credentials clients (machineClients): their ids are accepted by the JWT authorizer. */
  readonly machineClients: readonly UserPoolClient[];
  /** One client-credentials client per government and role, with its kind's scopes; accepted by the JWT authorizer. */
  readonly governmentClients: readonly GovernmentClient[];
  private readonly domainPrefix: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.domainPrefix = props.domainPrefix;
    const tokenValidity = props.tokenValidity ?? Duration.hours(1);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        gov: new StringAttribute({ minLen: 5, maxLen: 5, mutable: true }),
        dept: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Officials' access tokens carry custom:gov and custom:dept, so a browser can send the access token.
    new AccessTokenClaims(this, 'AccessTokenClaims', { userPool: this.userPool, logRetention: props.logRetention });

    const standard = { email: true, emailVerified: true, preferredUsername: true, fullname: true };
    this.client = this.userPool.addClient('ApiClient', {
      generateSecret: false,
      // SRP only: the password never leaves the client (no USER_PASSWORD_AUTH); refresh tokens as usual.
      authFlows: { userSrp: true },
      ...explicitOAuth(props.callbackUrls, [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE]),
      preventUserExistenceErrors: true,
      idTokenValidity: tokenValidity,
      accessTokenValidity: tokenValidity,
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.hours(12),
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes('gov', 'dept'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, preferredUsername: true }),
    });

    this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    const scopes = Object.values(machineClients).flatMap((c) =>
      c.scopes.map((name) => new ResourceServerScope({ scopeName: name, scopeDescription: name })),
    );
    const server = this.userPool.addResourceServer('ResourceServer', {
      identifier: resourceServerIdentifier,
      scopes: [...new Map(scopes.map((sc) => [sc.scopeName, sc])).values()],
    });
    const machineClient = (id: string, name: string, kind: MachineClientKind) =>
      this.userPool.addClient(id, {
        userPoolClientName: name,
        generateSecret: true,
        authFlows: {},
        accessTokenValidity: Duration.hours(1),
        oAuth: {
          flows: { clientCredentials: true, authorizationCodeGrant: false, implicitCodeGrant: false },
          scopes: machineClients[kind].scopes.map((name) =>
            OAuthScope.resourceServer(server, new ResourceServerScope({ scopeName: name, scopeDescription: name })),
          ),
        },
      });
    this.machineClients = (Object.keys(machineClients) as MachineClientKind[]).map((kind) =>
      machineClient(`${kind}Client`, `hojo-${kind}`, kind),
    );
    // A bank's link for the governments whose 금고 it is, an operator's department systems, or one
    // government's own: its secret opens those governments alone, once the registry maps the client id
    // to them (npm run machine-clients -- register-all). The construct id follows the client's name
    // (a one-government client keeps the id it always had).
    this.governmentClients = (props.governmentClients ?? []).map((entry) => {
      const kind = machineKindOf(entry.role);
      if (kind === undefined) throw new Error(`${entry.role} is not a machine client's role`);
      const id = `${kind}${entry.govs[0]}${entry.govs.length > 1 ? 'Set' : ''}Client`;
      return { ...entry, client: machineClient(id, stackMachineClientName(entry), kind) };
    });

    this.groups = Object.fromEntries(
      (Object.keys(roles) as Role[]).map((role) => [
        role,
        new CfnUserPoolGroup(this, `Group-${role}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: role,
          description: roles[role],
        }),
      ]),
    ) as Record<Role, CfnUserPoolGroup>;
  }

  /** The hosted domain's OAuth endpoints (authorization code for the console, client credentials for machines). */
  get oauthEndpoints(): { readonly authorizationEndpoint: string; readonly tokenEndpoint: string } {
    const base = `https://${this.domainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com/oauth2`;
    return { authorizationEndpoint: `${base}/authorize`, tokenEndpoint: `${base}/token` };
  }

  /** The issuer of the pool's tokens, as the JWT authorizer expects it. */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
