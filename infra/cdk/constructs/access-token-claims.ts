import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { LambdaVersion, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The user attributes an access token carries as claims of the same name (shared/auth/claims.ts reads them). */
export const accessTokenAttributes = ['custom:gov', 'custom:dept'] as const;

/**
 * Cognito's pre-token-generation trigger, event version 2 (the version that can change access
 * tokens): copies the official's government and department from the user's attributes into the
 * access token, beside `cognito:groups`, which Cognito puts there itself. Inline and dependency-free:
 * it runs on every sign-in and refresh. Machine clients (client credentials) do not invoke it.
 */
export const accessTokenClaimsSource = `exports.handler = async (event) => {
  const attributes = (event.request && event.request.userAttributes) || {};
  const claims = {};
  for (const name of ${JSON.stringify(accessTokenAttributes)}) if (attributes[name]) claims[name] = attributes[name];
  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } } };
  return event;
};
`;

export interface AccessTokenClaimsProps {
  readonly userPool: UserPool;
  readonly logRetention: RetentionDays;
}

/**
 * The access token as the API's credential (issue #19): with `custom:gov` and `custom:dept` in it, a
 * browser client (the console) sends the access token, scoped to the API, rather than the ID token.
 */
export class AccessTokenClaims extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: AccessTokenClaimsProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the pre-token-generation trigger (access token claims): its own log group only',
    });
    logGroup.grantWrite(role);
    this.function = new LambdaFunction(this, 'Function', {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(accessTokenClaimsSource),
      memorySize: 128,
      timeout: Duration.seconds(5),
      role,
      logGroup,
      description: 'Cognito pre-token generation (v2): custom:gov and custom:dept into the access token',
    });
    props.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.function, LambdaVersion.V2_0);
  }
}
