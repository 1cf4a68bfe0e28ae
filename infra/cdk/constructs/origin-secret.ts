import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RotationSchedule, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { HojoFunction } from '#infra/cdk/constructs/hojo-function.ts';
import { distributionIdEnv, originHeaderEnv } from '#infra/cdk/hooks/rotate-origin-secret.ts';
import { originVerifyHeader } from '#shared/auth/origin-verify.ts';

/**
 * The secret's fixed name: the route functions (HojoApi) read it by name, so the API stack, deployed
 * before the web stack, needs no reference to it (HojoWeb already depends on HojoApi).
 */
export const originSecretName = 'hojo/origin-verify';

/** How often the secret is replaced. */
export const originSecretRotation = Duration.days(30);

/**
 * Lets a function read the secret (every version: the reader asks for AWSCURRENT, AWSPENDING and
 * AWSPREVIOUS). Secrets Manager appends six characters to the name in the ARN.
 */
export function grantOriginSecretRead(grantee: IGrantable, scope: Construct): void {
  const stack = Stack.of(scope);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`arn:${stack.partition}:secretsmanager:${stack.region}:${stack.account}:secret:${originSecretName}-??????`],
    }),
  );
}

export interface OriginSecretProps {
  readonly logRetention: RetentionDays;
  readonly tracing: boolean;
}

/**
 * The secret CloudFront sends to the API in `x-hojo-origin-verify` (issue #19, finding 7): generated
 * by Secrets Manager, put into the distribution's API origin as a CloudFormation dynamic reference,
 * and rotated every 30 days by a function that writes the new value into the distribution
 * (infra/cdk/hooks/rotate-origin-secret.ts).
 */
export class OriginSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { readonly replicaRegion?: string } = {}) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      secretName: originSecretName,
      // A replica of the same name in the standby Region: after a fail-over, that Region's route
      // functions read it there while the distribution keeps sending the value it holds.
      replicaRegions: props.replicaRegion ? [{ region: props.replicaRegion }] : undefined,
      description: 'hojo: the header CloudFront sends to the API origin; the route functions refuse requests without it',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
  }

  /** The origin custom header of the API origin; its value resolved by CloudFormation, never in the template. */
  get originHeaders(): Record<string, string> {
    return { [originVerifyHeader]: this.secret.secretValue.unsafeUnwrap() };
  }

  /** Rotation every 30 days, by a function that updates this distribution's origin header. */
  rotateWith(distribution: IDistribution, props: OriginSecretProps): HojoFunction {
    const rotation = new HojoFunction(this, 'Rotation', {
      handler: 'hooks/rotate-origin-secret',
      infraEntry: fileURLToPath(new URL('../hooks/rotate-origin-secret.ts', import.meta.url)),
      declaredBy: 'the rotation of the CloudFront origin secret',
      description: "Rotates hojo's CloudFront origin secret and writes it into the distribution",
      timeout: Duration.minutes(1),
      tracing: props.tracing,
      logRetention: props.logRetention,
      environment: { [originHeaderEnv]: originVerifyHeader, [distributionIdEnv]: distribution.distributionId },
    });
    rotation.role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resources: [distribution.distributionArn],
      }),
    );
    new RotationSchedule(this, 'Schedule', {
      secret: this.secret,
      rotationLambda: rotation.function,
      automaticallyAfter: originSecretRotation,
    });
    Validations.of(rotation.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'secretsmanager:GetRandomPassword, which the CDK grants every rotation function, has no resource; the rotation generates its value with node:crypto and never calls it. X-Ray too, when tracing is on.',
    });
    return rotation;
  }
}
