import { fileURLToPath } from 'node:url';
import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HojoFunction } from '#infra/cdk/constructs/hojo-function.ts';
import { smokeKindEnv } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';
import type { SmokeKind } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';

export interface PreTrafficHooksProps {
  /** The CodeDeploy application of the deployment groups ('hojo'). */
  readonly applicationName: string;
  readonly logRetention: RetentionDays;
  readonly tracing: boolean;
  /** Lambda Insights, like every function of the stack (-c lambdaInsights). */
  readonly lambdaInsights: boolean;
}

/**
 * The two BeforeAllowTraffic hooks of the stack's canaries (issue #19, finding 9), one per kind of
 * smoke request: `route` for the route functions, `consumer` for the queue consumers
 * (infra/cdk/hooks/pre-traffic-smoke-test.ts). Each reads the deployment, invokes the new version
 * of a function of this stack once, and reports the outcome.
 */
export class PreTrafficHooks extends Construct {
  readonly hooks: Readonly<Record<SmokeKind, HojoFunction>>;
  private readonly granted = new Set<string>();

  constructor(scope: Construct, id: string, props: PreTrafficHooksProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // The resources as cdk-nag prints them, for the acknowledgements.
    const literal = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
    const inNag = `<AWS::Partition>:%s:${literal(stack.region, '<AWS::Region>')}:${literal(stack.account, '<AWS::AccountId>')}`;
    const groupsArn = `arn:${inNag.replace('%s', 'codedeploy')}:deploymentgroup:${props.applicationName}/*`;
    const versionsArn = `arn:${inNag.replace('%s', 'lambda')}:function:${stack.stackName}-*:*`;
    const make = (kind: SmokeKind, name: string): HojoFunction => {
      const hook = new HojoFunction(this, name, {
        handler: 'hooks/pre-traffic-smoke-test',
        infraEntry: fileURLToPath(new URL('../hooks/pre-traffic-smoke-test.ts', import.meta.url)),
        declaredBy: `the pre-traffic smoke test of the ${kind}s`,
        description: `CodeDeploy BeforeAllowTraffic: invokes the new ${kind} version once with a harmless request`,
        timeout: Duration.minutes(1),
        memorySize: 256,
        tracing: props.tracing,
        lambdaInsights: props.lambdaInsights,
        logRetention: props.logRetention,
        environment: { [smokeKindEnv]: kind },
      });
      hook.role.addToPolicy(
        new PolicyStatement({
          actions: ['codedeploy:GetDeployment', 'codedeploy:PutLifecycleEventHookExecutionStatus'],
          resources: [`arn:${stack.partition}:codedeploy:${stack.region}:${stack.account}:deploymentgroup:${props.applicationName}/*`],
        }),
      );
      // The versions of this stack's functions (nested stacks' functions are named after it too).
      hook.role.addToPolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [`arn:${stack.partition}:lambda:${stack.region}:${stack.account}:function:${stack.stackName}-*:*`],
        }),
      );
      Validations.of(hook.role).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::${groupsArn}]`,
          reason: `Every deployment group of the application '${props.applicationName}': the hook learns which one from the deployment it is called for.`,
        },
        {
          id: `AwsSolutions-IAM5[Resource::${versionsArn}]`,
          reason:
            "Every version of a function of this stack: the AppSpec names the function and version to test, and the functions' generated names start with the stack's.",
        },
      );
      return hook;
    };
    this.hooks = { route: make('route', 'RouteSmokeTest'), consumer: make('consumer', 'ConsumerSmokeTest') };
  }

  /** Lets a CodeDeploy service role invoke the hook (CodeDeploy calls it by name, unqualified); once per role. */
  grantInvoke(kind: SmokeKind, role: IRole): void {
    const key = `${kind} ${role.node.path}`;
    if (this.granted.has(key)) return;
    this.granted.add(key);
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.hooks[kind].function.functionArn] }),
    );
  }
}
