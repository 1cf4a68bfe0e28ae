import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Requests per IP address in any five minutes (WAF's rate-based rules count over a 300 s window).
 * Officials of one government often share one NAT address, so the signed-in budget is wide; the
 * anonymous routes (open data, disclosure, the console's files) get a narrow one of their own.
 */
export interface EdgeRateLimits {
  /** Every request from one address. @default 20000 (≈ 67 per second, a government office behind one NAT) */
  readonly perAddress: number;
  /** Requests without an Authorization header from one address. @default 1500 (5 per second) */
  readonly anonymousPerAddress: number;
}

export const defaultEdgeRateLimits: EdgeRateLimits = { perAddress: 20_000, anonymousPerAddress: 1_500 };

/**
 * The AWS managed rule groups in front of the API and the console, in evaluation order. The common
 * rule set's 8 KB body limit is counted, not blocked: a budget line import posts larger JSON bodies,
 * and the API's own schemas bound every body.
 */
export const managedRuleGroups = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] as string[] },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] as string[] },
] as const;

export interface EdgeWebAclProps {
  readonly rateLimits?: EdgeRateLimits;
  /** Retention of the WAF log group. */
  readonly logRetention: RetentionDays;
}

/**
 * The web ACL of the CloudFront distribution (issue #19, finding 7): HTTP APIs take no WAF, so the
 * protection sits at the edge. CloudFront web ACLs exist only in us-east-1, hence the stack of its
 * own there. Managed rule groups (IP reputation, common exploits, known bad inputs), then two
 * rate-based rules per client address; blocked requests get 403, rate-limited ones 429. Requests
 * are logged to CloudWatch Logs with the Authorization header redacted.
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    if (Stack.of(this).region !== 'us-east-1') {
      throw new Error(`a CloudFront web ACL must be created in us-east-1, not ${Stack.of(this).region}`);
    }
    const limits = props.rateLimits ?? defaultEdgeRateLimits;
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = managedRuleGroups.map(
      (group, priority): CfnWebACL.RuleProperty => ({
        name: group.name,
        priority,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name: group.name,
            ruleActionOverrides: group.countOnly.map((name) => ({ name, actionToUse: { count: {} } })),
          },
        },
        visibilityConfig: visibility(group.name),
      }),
    );
    const tooMany = { block: { customResponse: { responseCode: 429 } } };
    const rateRules: CfnWebACL.RuleProperty[] = [
      {
        name: 'RateAnonymousPerAddress',
        priority: managed.length,
        action: tooMany,
        statement: {
          rateBasedStatement: {
            aggregateKeyType: 'IP',
            evaluationWindowSec: 300,
            limit: limits.anonymousPerAddress,
            scopeDownStatement: {
              notStatement: {
                statement: {
                  sizeConstraintStatement: {
                    fieldToMatch: { singleHeader: { Name: 'authorization' } },
                    comparisonOperator: 'GT',
                    size: 0,
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              },
            },
          },
        },
        visibilityConfig: visibility('RateAnonymousPerAddress'),
      },
      {
        name: 'RatePerAddress',
        priority: managed.length + 1,
        action: tooMany,
        statement: { rateBasedStatement: { aggregateKeyType: 'IP', evaluationWindowSec: 300, limit: limits.perAddress } },
        visibilityConfig: visibility('RatePerAddress'),
      },
    ];
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: 'hojo-edge',
      description: 'hojo: managed rule groups and per-address rate limits in front of the API, the console and the archive',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [...managed, ...rateRules],
      visibilityConfig: visibility('hojo-edge'),
    });
    // WAF requires the log group's name to start with aws-waf-logs-.
    const logs = new LogGroup(this, 'Logs', {
      logGroupName: 'aws-waf-logs-hojo-edge',
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The log group's ARN without the `:*` that LogGroup.logGroupArn carries, as WAF wants it.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
    });
  }
}
