import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolEmail,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AccessTokenClaims } from '#infra/cdk/constructs/access-token-claims.ts';
import { explicitOAuth } from '#infra/cdk/constructs/explicit-oauth.ts';
import { passwordPolicy } from '#infra/cdk/constructs/identity.ts';
import type { ResidentEmail } from '#infra/cdk/resident-email.ts';

export interface ResidentIdentityProps {
  /** The residents' own Cognito domain prefix (hosted sign-in), used only with callback URLs. */
  readonly domainPrefix: string;
  /** Authorization-code callback URLs of the residents' web client; none: no browser OAuth flow. */
  readonly callbackUrls: readonly string[];
  /** Retention of the pre-token-generation trigger's log group. */
  readonly logRetention: RetentionDays;
  /** Send through Amazon SES from this identity; undefined: Cognito's own e-mail, 50 a day per account (trials only). */
  readonly email?: ResidentEmail;
}

/**
 * Residents in a user pool of their own (issue #19, finding 10), apart from officials:
 * - separated identity: the API accepts this pool's tokens on the residents' routes only (a JWT
 *   authorizer of their own), and shared/auth/claims.ts makes such a token a resident and nothing
 *   else, derived from the issuer: no claim a resident controls (groups, `roles`, `client_id`) can
 *   make it another role;
 * - the Essentials tier: residents are many and sign in rarely, and Plus's threat protection is
 *   billed per MAU [U]; the officials' pool keeps Plus;
 * - self sign-up with a verified e-mail (Cognito sends a code; a changed address counts only once
 *   verified), TOTP optional, SRP only; the codes go through Amazon SES when configured
 *   (infra/cdk/resident-email.ts), else through Cognito's own e-mail, which is for trials;
 * - the government is never the resident's to choose: it is the enrolment the government approved
 *   after its identity check, in the table (shared/wiring/resident-registry.ts), and never
 *   `custom:gov`, which the API ignores for residents; the client cannot write it either;
 * - explicit OAuth: the authorization-code grant to the configured callbacks on the residents' own
 *   domain, or no hosted-UI flow at all; never the implicit grant or CDK's example.com default;
 * - the access token goes through the same pre-token-generation trigger as the officials'
 *   (Essentials allows access-token customisation).
 */
export class ResidentIdentity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  private readonly domainPrefix: string;

  constructor(scope: Construct, id: string, props: ResidentIdentityProps) {
    super(scope, id);
    this.domainPrefix = props.domainPrefix;
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'hojo-residents',
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      ...(props.email
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.email.from,
              sesRegion: props.email.sesRegion,
              sesVerifiedDomain: props.email.verifiedDomain,
              configurationSetName: props.email.configurationSet,
            }),
          }
        : {}),
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: '호조 주민 참여: 이메일 확인 코드',
        emailBody: '이메일 확인 코드: {####}',
      },
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
      // SRP only: the password never leaves the resident's device (no USER_PASSWORD_AUTH).
      authFlows: { userSrp: true },
      ...explicitOAuth(props.callbackUrls, [OAuthScope.OPENID, OAuthScope.EMAIL]),
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('gov'),
      // E-mail only: never custom:gov (unused for residents: their government is their approved enrolment).
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });
    if (props.callbackUrls.length > 0) this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** The hosted sign-in of the residents' own domain (the console's residents' sign-in; with callback URLs only). */
  get oauthEndpoints(): { readonly authorizationEndpoint: string; readonly tokenEndpoint: string } {
    const base = `https://${this.domainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com/oauth2`;
    return { authorizationEndpoint: `${base}/authorize`, tokenEndpoint: `${base}/token` };
  }

  /** The issuer of the residents' tokens, as the JWT authorizer and HOJO_RESIDENT_ISSUER name it. */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
