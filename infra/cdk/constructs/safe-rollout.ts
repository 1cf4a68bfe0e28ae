import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaDeploymentConfig, LambdaDeploymentGroup } from 'aws-cdk-lib/aws-codedeploy';
import type { ILambdaApplication, ILambdaDeploymentConfig } from 'aws-cdk-lib/aws-codedeploy';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-lambda';
import type { CfnAlias, Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { operationalAlarms } from '#shared/alarms.ts';

/** The alias API Gateway and the event source mappings invoke; CodeDeploy shifts it between versions. */
export const liveAliasName = 'live';

/**
 * How a new version reaches the 243 governments (issue #19, finding 9): 10 % of invocations for five
 * minutes, then all, unless an alarm of the function fires first, which rolls the alias back.
 */
export const rolloutDeploymentConfig: ILambdaDeploymentConfig = LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES;

export interface SafeRolloutProps {
  readonly fn: LambdaFunction;
  /** What the function serves, for the alarm's text (a route, a queue). */
  readonly what: string;
  /**
   * The CodeDeploy application and service role (one role per stack; the managed policy limits it to
   * invoking and shifting aliases). None: the alias is published without a canary (on-prem, where the
   * platform may have no CodeDeploy).
   */
  readonly deployment?: {
    readonly application: ILambdaApplication;
    readonly role: IRole;
    /**
     * The BeforeAllowTraffic hook (infra/cdk/hooks/pre-traffic-smoke-test.ts): CodeDeploy runs it
     * before shifting any traffic, and a failed smoke test fails the deployment. The caller grants
     * the role its invocation and the hook its CodeDeploy calls, once per stack (the CDK's own
     * `preHook` would add a statement per deployment group to the hook's role, past IAM's policy size
     * at 100 groups). @default none (scheduled jobs: invoking them is never harmless)
     */
    readonly preTrafficHook?: IFunction;
  };
  /** Alarms of the function besides its p99 (errors and throttles): any of them rolls the deployment back. */
  readonly alarms: readonly IAlarm[];
}

/**
 * A function's published version behind the `live` alias, a p99-duration alarm on that alias, and a
 * CodeDeploy deployment group that shifts the alias by `rolloutDeploymentConfig` and rolls back on
 * the function's alarms (or a failed deployment). Callers integrate `alias`, never `$LATEST`.
 */
export class SafeRollout extends Construct {
  readonly alias: Alias;
  readonly latencyAlarm: Alarm;
  readonly deploymentGroup: LambdaDeploymentGroup | undefined;

  constructor(scope: Construct, id: string, props: SafeRolloutProps) {
    super(scope, id);
    this.alias = new Alias(this, 'Live', { aliasName: liveAliasName, version: props.fn.currentVersion });
    const latency = operationalAlarms.rolloutLatencyP99;
    const timeoutMs = (props.fn.timeout ?? Duration.seconds(3)).toMilliseconds();
    this.latencyAlarm = new Alarm(this, 'LatencyAlarm', {
      alarmDescription: `${props.what}: ${latency.description}`,
      metric: this.alias.metricDuration({ period: Duration.minutes(latency.periodMinutes), statistic: 'p99' }),
      threshold: Math.round(timeoutMs * latency.fractionOfTimeout),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: latency.evaluationPeriods,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deploymentGroup = props.deployment
      ? new LambdaDeploymentGroup(this, 'Deployment', {
          application: props.deployment.application,
          alias: this.alias,
          deploymentConfig: rolloutDeploymentConfig,
          role: props.deployment.role,
          alarms: [...props.alarms, this.latencyAlarm],
          autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
        })
      : undefined;
    const hook = props.deployment?.preTrafficHook;
    if (hook) {
      const alias = this.alias.node.defaultChild as CfnAlias;
      const update = alias.cfnOptions.updatePolicy?.codeDeployLambdaAliasUpdate;
      if (!update) throw new Error(`${props.what}: the alias has no CodeDeploy update policy`);
      alias.cfnOptions.updatePolicy = { codeDeployLambdaAliasUpdate: { ...update, beforeAllowTrafficHook: hook.functionName } };
    }
  }

  /** Another alarm that rolls a deployment back (built after the alias, e.g. on the consumer's mappings). */
  rollBackOn(alarm: IAlarm): void {
    this.deploymentGroup?.addAlarm(alarm);
  }
}

/** The CodeDeploy service role of one stack's deployment groups. */
export function rolloutRole(scope: Construct, id: string): Role {
  const role = new Role(scope, id, {
    assumedBy: new ServicePrincipal('codedeploy.amazonaws.com'),
    description: 'CodeDeploy shifting the live aliases of hojo functions (canary with alarm rollback)',
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
    reason:
      "CodeDeploy's own limited Lambda policy (read alarms, invoke hooks named CodeDeployHook_*, update aliases): the AWS-maintained minimum for Lambda deployments.",
  });
  return role;
}
