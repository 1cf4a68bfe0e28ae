import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccountRecovery, ClientAttributes, FeaturePlan, Mfa, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AccessTokenClaims } from '#infra/cdk/constructs/access-token-claims.ts';
import { passwordPolicy } from '#infra/cdk/constructs/identity.ts';

export interface ResidentIdentityProps {
  /** Retention of the pre-token-generation trigger's log group. */
  readonly logRetention: RetentionDays;
}

/**
 * Residents in a user pool of their own (issue #19, finding 10), apart from officials:
 * - separated identity: the API accepts this pool's tokens on the residents' routes only (a JWT
 *   authorizer of their own), and shared/auth/claims.ts makes such a token a resident of its
 *   `custom:gov` and nothing else; an officials' token never acts as a resident;
 * - the Essentials tier: residents are many and sign in rarely, and Plus's threat protection is
 *   billed per MAU [U]; the officials' pool keeps Plus;
 * - TOTP optional, no self sign-up: the resident's government is where they live, which the
 *   government's identity check establishes before it creates the account (AdminCreateUser); a
 *   resident cannot change `custom:gov`;
 * - the access token carries `custom:gov` through the same pre-token-generation trigger as the
 *   officials' (Essentials allows access-token customisation).
 */
export class ResidentIdentity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ResidentIdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'hojo-residents',
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { gov: new StringAttribute({ minLen: 5, maxLen: 5, mutable: true }) },
      passwordPolicy,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Residents choose TOTP (optional): they propose and vote in participatory budgeting and move no money; officials, who do, must use TOTP in their own pool.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          "The residents' pool is on the Essentials tier, which has no threat protection: Plus is billed per monthly active user [U] for a population that votes once a year; officials' pool enforces it.",
      },
    );
    new AccessTokenClaims(this, 'AccessTokenClaims', { userPool: this.userPool, logRetention: props.logRetention });
    this.client = this.userPool.addClient('ResidentClient', {
      userPoolClientName: 'hojo-residents',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('gov'),
      writeAttributes: new ClientAttributes(),
    });
  }

  /** The issuer of the residents' tokens, as the JWT authorizer and HOJO_RESIDENT_ISSUER name it. */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
