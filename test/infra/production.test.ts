import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmTopicName } from '#infra/cdk/constructs/alarm-topic.ts';
import { consumerFunctionId, routeFunctionId } from '#infra/cdk/construct-ids.ts';
import { Stack } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { HojoHttpApi, audiencesPerAuthorizer, publicRouteThrottle } from '#infra/cdk/constructs/hojo-http-api.ts';
import { machineClients, resourceServerIdentifier } from '#infra/cdk/constructs/identity.ts';
import { deliveryPlans } from '#infra/cdk/delivery-plan.ts';
import { archiveReaders, batchWriters } from '#infra/cdk/permissions.ts';
import { liveAliasName } from '#infra/cdk/constructs/safe-rollout.ts';
import { originSecretName } from '#infra/cdk/constructs/origin-secret.ts';
import { smokeKindEnv } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';
import { distributionIdEnv, originHeaderEnv } from '#infra/cdk/hooks/rotate-origin-secret.ts';
import { originSecretEnv, originVerifyHeader } from '#shared/auth/origin-verify.ts';
import { accessTokenClaimsSource } from '#infra/cdk/constructs/access-token-claims.ts';
import { businessAlarms, operationalAlarms } from '#shared/alarms.ts';
import { machineClientsEnv } from '#shared/auth/machine-clients.ts';
import { openDataPaths } from '#infra/cdk/constructs/open-data-cache.ts';
import { isResidentRoute, residentIssuerEnv } from '#shared/auth/resident-identity.ts';
import { GOVERNMENT_COUNT, queues } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import { schedules } from '#shared/schedules.ts';
import { allowedActions, exampleApiDomainName, stubProjectRoot, synthesize } from '#test/infra/synth-support.ts';
import type { Resources, Synthesized } from '#test/infra/synth-support.ts';

/**
 * Issue #19 (production on AWS) on the synthesized templates. Three postings shards instead of 243:
 * every property asserted here is per shard or per stack, and stacks.test.ts covers the full layout.
 */
const projectRoot = stubProjectRoot(routes, schedules);
const shards = 3;
let aws: Synthesized;

beforeAll(() => {
  aws = synthesize({
    projectRoot,
    context: {
      target: 'aws',
      postingsShards: shards,
      alarmEmails: 'treasury-ops@example.go.kr',
      alarmUrls: 'https://pager.example.go.kr/hook',
      // A client Cognito already issued for a bank's two governments (read from the environment first), two
      // the stack makes for 26000, and one it makes for a bank's set of three governments.
      machineClients: 'bank-nh=treasury_bank@11110+26000,treasury_bank@26000,department_official@26000,treasury_bank@11110+26000+41000',
      machineClientIds: 'bank-pc-11110,bank-pc-26000',
      residentCallbackUrls: 'https://participate.example.go.kr/callback',
    },
  });
}, 300_000);

/** Every resource of a stack and its nested stacks. */
function resourcesOf(s: Synthesized, stack: 'data' | 'api'): Resources {
  const templates = stack === 'data' ? [s.dataTemplate, ...s.dataNestedTemplates] : [s.apiTemplate, ...s.nestedTemplates];
  return Object.assign({}, ...templates.map((t) => t.toJSON().Resources as Resources));
}
const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const alarms = (s: Synthesized) => [
  ...ofType(resourcesOf(s, 'data'), 'AWS::CloudWatch::Alarm'),
  ...ofType(resourcesOf(s, 'api'), 'AWS::CloudWatch::Alarm'),
];

describe('finding 1: the Region', () => {
  it('synthesizes both stacks for Seoul, whatever the CLI default says', () => {
    expect(aws.data.region).toBe('ap-northeast-2');
    expect(aws.api.region).toBe('ap-northeast-2');
    const issuer = JSON.stringify(aws.apiTemplate.toJSON()).match(/https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com/g);
    expect(new Set(issuer)).toEqual(new Set(['https://cognito-idp.ap-northeast-2.amazonaws.com']));
  });
});

describe('finding 2: alarms that reach people', () => {
  it('has one encrypted, TLS-only alarm topic with the configured subscriptions', () => {
    const data = resourcesOf(aws, 'data');
    const [[, topic]] = ofType(data, 'AWS::SNS::Topic') as [[string, Resources[string]]];
    expect(topic.Properties.TopicName).toBe(alarmTopicName);
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const subscriptions = ofType(data, 'AWS::SNS::Subscription').map(([, s]) => [s.Properties.Protocol, s.Properties.Endpoint]);
    expect(subscriptions.sort()).toEqual([
      ['email', 'treasury-ops@example.go.kr'],
      ['https', 'https://pager.example.go.kr/hook'],
    ]);
  });

  it('sends ALARM and OK of every alarm, in every stack, to the topic of its Region', () => {
    const all = alarms(aws);
    expect(all.length).toBeGreaterThan(routes.length);
    for (const [id, alarm] of all) {
      for (const key of ['AlarmActions', 'OKActions']) {
        expect(JSON.stringify(alarm.Properties[key]), `${id} ${key}`).toMatch(
          /":sns:ap-northeast-2:",\{"Ref":"AWS::AccountId"\},":hojo-alarms"/,
        );
      }
    }
  });

  it('alarms on API 5xx and p99 latency, and on each route function failing or throttled', () => {
    const api = resourcesOf(aws, 'api');
    const metric = (name: string) => ofType(api, 'AWS::CloudWatch::Alarm').filter(([, a]) => a.Properties.MetricName === name);
    expect(metric('5xx')[0]?.[1].Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', Threshold: operationalAlarms.api5xx.threshold });
    expect(metric('Latency')[0]?.[1].Properties).toMatchObject({
      ExtendedStatistic: 'p99',
      Threshold: operationalAlarms.apiLatencyP99.thresholdMs,
    });
    for (const route of routes) {
      const [entry] = ofType(api, 'AWS::CloudWatch::Alarm').filter(([id]) => id.startsWith(`${routeFunctionId(route.id)}FailuresAlarm`));
      expect(entry, route.id).toBeDefined();
      const metrics = entry![1].Properties.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string } } }[];
      expect(metrics.find((m) => m.Expression)?.Expression).toBe('errors + throttles');
      expect(metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])).sort()).toEqual(['Errors', 'Throttles']);
    }
  });

  it('alarms on table throttles, the age of every queue, the schedule dead-letter queue', () => {
    const data = ofType(resourcesOf(aws, 'data'), 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(
      data
        .filter((a) => a.Namespace === 'AWS/DynamoDB')
        .map((a) => a.MetricName)
        .sort(),
    ).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    const ages = alarms(aws).filter(([, a]) => a.Properties.MetricName === 'ApproximateAgeOfOldestMessage');
    expect(ages).toHaveLength(shards + 1);
    expect(ages.map(([, a]) => a.Properties.Threshold).sort()).toEqual(
      [
        ...Array(shards).fill(operationalAlarms.postingsQueueAge.thresholdSeconds),
        operationalAlarms.settlementQueueAge.thresholdSeconds,
      ].sort(),
    );
    const scheduleDlq = alarms(aws).find(([id]) => id.startsWith('ScheduleDeadLetterAlarm'));
    expect(scheduleDlq?.[1].Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
  });

  it('alarms on redelivered postings and on fewer than 243 daily closings, silence breaching', () => {
    const byMetric = (name: string) => alarms(aws).find(([, a]) => a.Properties.MetricName === name)?.[1].Properties;
    expect(byMetric('PostingsRedelivered')).toMatchObject({ Namespace: 'Hojo', ComparisonOperator: 'GreaterThanThreshold' });
    expect(byMetric('ClosingsCompleted')).toMatchObject({
      Namespace: 'Hojo/Settlement',
      Dimensions: expect.arrayContaining([
        { Name: 'Service', Value: 'settlement' },
        { Name: 'Kind', Value: 'daily' },
      ]),
      Period: 86_400,
      Threshold: GOVERNMENT_COUNT,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(businessAlarms.map((d) => d.metric)).toEqual(expect.arrayContaining(['PostingsRedelivered', 'ClosingsCompleted']));
  });

  it('alarms on payment orders the treasury bank left unconfirmed (the daily closing counts them)', () => {
    const unconfirmed = alarms(aws).find(([, a]) => a.Properties.MetricName === 'PaymentOrdersUnconfirmed')?.[1].Properties;
    expect(unconfirmed).toMatchObject({
      Namespace: 'Hojo/Settlement',
      Dimensions: [{ Name: 'Service', Value: 'settlement' }],
      Period: 86_400,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('has a dashboard per concern', () => {
    const names = ofType(resourcesOf(aws, 'api'), 'AWS::CloudWatch::Dashboard').map(([, d]) => d.Properties.DashboardName);
    expect(names.sort()).toEqual(['hojo-api', 'hojo-closings', 'hojo-postings', 'hojo-table']);
  });

  it('leaves no cdk-nag finding unacknowledged', () => {
    expect(aws.nagFindings.map((f) => `${f.ruleName} at ${f.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});

describe('findings 3 and 4: retries, retention, retained queues, protected stacks', () => {
  it('keeps every work queue and dead-letter queue in the data stack, retained, retrying for hours', () => {
    const data = ofType(resourcesOf(aws, 'data'), 'AWS::SQS::Queue');
    expect(data).toHaveLength(2 * (shards + 1));
    expect(ofType(resourcesOf(aws, 'api'), 'AWS::SQS::Queue').map(([id]) => id)).toEqual([
      expect.stringMatching(/^ScheduleDeadLetterQueue/),
    ]);
    for (const [id, queue] of data) {
      expect(queue, id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      if (queue.Properties.RedrivePolicy) {
        expect(queue.Properties.MessageRetentionPeriod).toBe(10 * 86_400);
        expect((queue.Properties.VisibilityTimeout * queue.Properties.RedrivePolicy.maxReceiveCount) / 3600).toBeGreaterThanOrEqual(2);
      } else {
        expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 86_400);
      }
    }
  });

  it('protects both stacks from deletion', () => {
    expect(aws.data.terminationProtection).toBe(true);
    expect(aws.api.terminationProtection).toBe(true);
  });
});

describe('finding 5: backups, the archive replica and the standby Region', () => {
  let twoRegions: Synthesized;
  beforeAll(() => {
    twoRegions = synthesize({
      projectRoot,
      context: {
        target: 'aws',
        postingsShards: shards,
        standbyRegion: 'ap-northeast-3',
        allowedRegions: 'ap-northeast-2,ap-northeast-3',
        backupCopyVaultArns: 'arn:aws:backup:ap-northeast-2:210987654321:backup-vault:hojo-ledger-copies',
      },
    });
  }, 300_000);

  it('backs the table up daily (35 days) and monthly (10 years) into a locked vault', () => {
    const data = resourcesOf(aws, 'data');
    const [[, vault]] = ofType(data, 'AWS::Backup::BackupVault') as [[string, Resources[string]]];
    expect(vault.Properties.LockConfiguration).toEqual({ MinRetentionDays: 35, MaxRetentionDays: 3680, ChangeableForDays: 3 });
    const [[, plan]] = ofType(data, 'AWS::Backup::BackupPlan') as [[string, Resources[string]]];
    const rules = plan.Properties.BackupPlan.BackupPlanRule as { RuleName: string; Lifecycle: { DeleteAfterDays: number } }[];
    expect(rules.map((r) => [r.RuleName, r.Lifecycle.DeleteAfterDays])).toEqual([
      ['daily', 35],
      ['monthly', 3650],
    ]);
    const [[, selection]] = ofType(data, 'AWS::Backup::BackupSelection') as [[string, Resources[string]]];
    expect(JSON.stringify(selection.Properties.BackupSelection.Resources)).toContain('LedgerTable');
  });

  it('synthesizes the two-Region app: a standby stack in the second Region, copies and replication towards it', () => {
    expect(twoRegions.standby?.region).toBe('ap-northeast-3');
    expect(
      twoRegions.app
        .synth()
        .stacks.map((s) => s.stackName)
        .sort(),
    ).toEqual(['HojoApi', 'HojoData', 'HojoEdge', 'HojoStandby', 'HojoWeb']);
    const standby = Template.fromStack(twoRegions.standby!).toJSON().Resources as Resources;
    const replica = ofType(standby, 'AWS::S3::Bucket').find(([, b]) => b.Properties.ObjectLockEnabled)![1];
    expect(replica.Properties.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'COMPLIANCE', Days: 3650 });
    expect(ofType(standby, 'AWS::Backup::BackupVault')[0]![1].Properties.LockConfiguration.MinRetentionDays).toBe(35);

    const data = resourcesOf(twoRegions, 'data');
    const archive = ofType(data, 'AWS::S3::Bucket').find(([, b]) => b.Properties.ReplicationConfiguration)![1];
    const [rule] = archive.Properties.ReplicationConfiguration.Rules;
    expect(JSON.stringify(rule.Destination.Bucket)).toContain('hojo-archive-replica-');
    expect(JSON.stringify(rule.Destination.Bucket)).toContain('-ap-northeast-3');
    const plan = ofType(data, 'AWS::Backup::BackupPlan')[0]![1];
    const copies = JSON.stringify(plan.Properties.BackupPlan.BackupPlanRule[1].CopyActions);
    expect(copies).toContain(':backup:ap-northeast-3:');
    expect(copies).toContain('arn:aws:backup:ap-northeast-2:210987654321:backup-vault:hojo-ledger-copies');
    // The origin secret has a replica of the same name there, for the API deployed at fail-over.
    const secretOf = (s: Synthesized) =>
      ofType(Template.fromStack(s.edge!.web).toJSON().Resources as Resources, 'AWS::SecretsManager::Secret')[0]![1];
    expect(secretOf(twoRegions).Properties.ReplicaRegions).toEqual([{ Region: 'ap-northeast-3' }]);
    expect(secretOf(aws).Properties.ReplicaRegions).toBeUndefined();
    expect(twoRegions.nagFindings.map((f) => f.ruleName)).toEqual([]);
  });
  it('keeps the ledger a global table with a replica in the standby Region, each with PITR and deletion protection', () => {
    const [[, one]] = ofType(resourcesOf(aws, 'data'), 'AWS::DynamoDB::GlobalTable') as [[string, Resources[string]]];
    expect(one.Properties.Replicas.map((r: { Region: string }) => r.Region)).toEqual(['ap-northeast-2']);
    const [[, two]] = ofType(resourcesOf(twoRegions, 'data'), 'AWS::DynamoDB::GlobalTable') as [[string, Resources[string]]];
    expect(two).toMatchObject({ DeletionPolicy: 'Retain', Properties: { BillingMode: 'PAY_PER_REQUEST' } });
    const replicas = two.Properties.Replicas as {
      Region: string;
      PointInTimeRecoverySpecification: unknown;
      DeletionProtectionEnabled: boolean;
    }[];
    expect(replicas.map((r) => r.Region).sort()).toEqual(['ap-northeast-2', 'ap-northeast-3']);
    for (const replica of replicas) {
      expect(replica).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      });
    }
    expect(ofType(resourcesOf(twoRegions, 'data'), 'AWS::DynamoDB::Table')).toEqual([]);
  });
});

describe('finding 6: bulkheads', () => {
  it('paces the closing fan-out: the settlement mapping runs 10 batches at most, and the consumer reserves as many', () => {
    const api = resourcesOf(aws, 'api');
    const mapping = ofType(api, 'AWS::Lambda::EventSourceMapping').find(([, m]) =>
      JSON.stringify(m.Properties.EventSourceArn).includes('SettlementQueue'),
    )![1];
    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: deliveryPlans.settlement.maximumConcurrency });
    const consumer = ofType(api, 'AWS::Lambda::Function').find(([id]) => id.startsWith(consumerFunctionId('settlement')))![1];
    expect(consumer.Properties.ReservedConcurrentExecutions).toBe(deliveryPlans.settlement.maximumConcurrency);
  });
});

describe('finding 7: per-route throttles', () => {
  it('gives every anonymous route its own small throttle; the others keep the stage default', () => {
    const [[, stage]] = ofType(resourcesOf(aws, 'api'), 'AWS::ApiGatewayV2::Stage') as [[string, Resources[string]]];
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const anonymous = routes.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(settings).sort()).toEqual(anonymous.sort());
    for (const setting of Object.values(settings)) {
      expect(setting).toEqual({ ThrottlingRateLimit: publicRouteThrottle.rateLimit, ThrottlingBurstLimit: publicRouteThrottle.burstLimit });
    }
  });
});

describe('finding 7: CloudFront and WAF in front of the API', () => {
  it('puts the web ACL in us-east-1 and the distribution in Seoul, its default origin the HTTP API', () => {
    expect(aws.edge?.acl.region).toBe('us-east-1');
    expect(aws.edge?.web.region).toBe('ap-northeast-2');
    expect(aws.edge?.acl.terminationProtection).toBe(true);
    const web = Template.fromStack(aws.edge!.web).toJSON().Resources as Resources;
    const [[, distribution]] = ofType(web, 'AWS::CloudFront::Distribution') as [[string, Resources[string]]];
    const config = distribution.Properties.DistributionConfig;
    expect(JSON.stringify(config.WebACLId)).toContain('ExportsReader');
    // the console, the archive pass-through and the cached open-data routes (edge.test.ts); the rest goes uncached to the API
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(
      ['/_archive/*', '/console/*', ...openDataPaths(routes).map((p) => p.pathPattern)].sort(),
    );
    // the archive origin is the data stack's bucket, which the API's presigned URLs name
    const archive = config.Origins.find(
      (o: { Id: string }) =>
        o.Id === config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/_archive/*').TargetOriginId,
    );
    expect(JSON.stringify(archive.DomainName)).toContain('HojoData');
  });

  it("disables the API's execute-api endpoint: its custom domain, CloudFront's origin, is the only entrance", () => {
    const api = resourcesOf(aws, 'api');
    const [[, httpApi]] = ofType(api, 'AWS::ApiGatewayV2::Api') as [[string, Resources[string]]];
    expect(httpApi.Properties.DisableExecuteApiEndpoint).toBe(true);
    const [[domainId, domain]] = ofType(api, 'AWS::ApiGatewayV2::DomainName') as [[string, Resources[string]]];
    expect(domain.Properties).toMatchObject({
      DomainName: exampleApiDomainName,
      DomainNameConfigurations: [{ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    // Without -c apiCertificateArn the stack requests the certificate itself, validated through DNS.
    expect(ofType(api, 'AWS::CertificateManager::Certificate').map(([, c]) => c.Properties)).toEqual([
      { DomainName: exampleApiDomainName, ValidationMethod: 'DNS', Tags: expect.any(Array) },
    ]);
    const [[, mapping]] = ofType(api, 'AWS::ApiGatewayV2::ApiMapping') as [[string, Resources[string]]];
    expect(mapping.Properties).toMatchObject({ DomainName: { Ref: domainId }, Stage: '$default' });
    const outputs = aws.apiTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.ApiUrl?.Value).toBe(`https://${exampleApiDomainName}/`);
    expect(JSON.stringify(outputs.ApiOriginTarget?.Value)).toContain('RegionalDomainName');
    const web = Template.fromStack(aws.edge!.web).toJSON().Resources as Resources;
    const [[, distribution]] = ofType(web, 'AWS::CloudFront::Distribution') as [[string, Resources[string]]];
    const config = distribution.Properties.DistributionConfig;
    const origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(origin.DomainName).toBe(exampleApiDomainName);
    expect(JSON.stringify(web)).not.toContain('execute-api');
  });

  it('sends the origin secret from Secrets Manager to the API origin, never written in the template, rotated every 30 days', () => {
    const web = Template.fromStack(aws.edge!.web).toJSON().Resources as Resources;
    const [[secretId, secret]] = ofType(web, 'AWS::SecretsManager::Secret') as [[string, Resources[string]]];
    expect(secret.Properties).toMatchObject({
      Name: originSecretName,
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    const [[, distribution]] = ofType(web, 'AWS::CloudFront::Distribution') as [[string, Resources[string]]];
    const config = distribution.Properties.DistributionConfig;
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders).toHaveLength(1);
    expect(apiOrigin.OriginCustomHeaders[0].HeaderName).toBe(originVerifyHeader);
    // A dynamic reference: CloudFormation resolves the value at deployment, the template holds none.
    const value = JSON.stringify(apiOrigin.OriginCustomHeaders[0].HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(secretId);
    // The other origins (console, archive) do not get it.
    for (const origin of config.Origins.filter((o: { Id: string }) => o !== apiOrigin))
      expect(origin.OriginCustomHeaders, origin.Id).toBeUndefined();

    const [[, schedule]] = ofType(web, 'AWS::SecretsManager::RotationSchedule') as [[string, Resources[string]]];
    expect(schedule.Properties.SecretId).toEqual({ Ref: secretId });
    expect(schedule.Properties.RotationRules).toEqual({ ScheduleExpression: 'rate(30 days)' });
    const rotationId = (schedule.Properties.RotationLambdaARN as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const rotation = web[rotationId]!;
    expect(rotation.Properties.Environment.Variables).toMatchObject({
      [originHeaderEnv]: originVerifyHeader,
      [distributionIdEnv]: { Ref: expect.stringMatching(/^Distribution/) },
    });
    const roleId = rotation.Properties.Role['Fn::GetAtt'][0];
    const { statements } = allowedActions(web, roleId);
    const onDistribution = statements.find((st) => JSON.stringify(st.Action).includes('cloudfront:UpdateDistribution'));
    expect(onDistribution?.Action).toEqual(['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution']);
    expect(JSON.stringify(onDistribution?.Resource)).toContain('distribution/');
    expect(JSON.stringify(statements)).toContain('secretsmanager:PutSecretValue');
  });

  it('has every route function, and only they, refuse requests without the origin secret, which each may read by name', () => {
    const api = resourcesOf(aws, 'api');
    const functions = ofType(api, 'AWS::Lambda::Function');
    const routeFunctions = functions.filter(([, f]) => f.Properties.Environment?.Variables?.[originSecretEnv] !== undefined);
    expect(routeFunctions).toHaveLength(routes.length);
    for (const [id, fn] of routeFunctions) {
      expect(fn.Properties.Environment.Variables[originSecretEnv], id).toBe(originSecretName);
      // The Parameters and Secrets extension, its own cache off (the reader caches and refreshes on a rotation).
      expect(JSON.stringify(fn.Properties.Layers), id).toContain('AWS-Parameters-and-Secrets-Lambda-Extension');
      expect(fn.Properties.Environment.Variables.PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED, id).toBe('false');
      const { statements } = allowedActions(api, fn.Properties.Role['Fn::GetAtt'][0]);
      const read = statements.filter((st) => JSON.stringify(st.Action).includes('secretsmanager:'));
      expect(
        read.map((st) => st.Action),
        id,
      ).toEqual(['secretsmanager:GetSecretValue']);
      expect(JSON.stringify(read[0]?.Resource), id).toContain(`:secret:${originSecretName}-??????`);
    }
    // Consumers, jobs and hooks are not behind CloudFront: no secret, no grant.
    for (const [id, fn] of functions.filter((entry) => !routeFunctions.includes(entry))) {
      expect(JSON.stringify(allowedActions(api, fn.Properties.Role['Fn::GetAtt'][0]).statements), id).not.toContain('secretsmanager:');
    }
  });

  it('refuses to synthesize the aws target without the API origin name', () => {
    expect(() => synthesize({ projectRoot, context: { target: 'aws', postingsShards: 1, apiDomainName: undefined } })).toThrow(
      /target aws needs -c apiDomainName/,
    );
  });
});

describe('deploying across Regions: what the runbook relies on', () => {
  it('needs the CDK bootstrap in Seoul and us-east-1 only, and deploys in the order the runbook gives', () => {
    const stacks = [aws.data, aws.api, aws.edge!.acl, aws.edge!.web];
    expect(new Set(stacks.map((st) => st.region))).toEqual(new Set(['ap-northeast-2', 'us-east-1']));
    const dependsOn = (stack: (typeof stacks)[number]) => stack.dependencies.map((d) => d.stackName).sort();
    expect(dependsOn(aws.api)).toEqual(['HojoData']);
    expect(dependsOn(aws.edge!.web)).toEqual(['HojoApi', 'HojoData', 'HojoEdge']);
    expect(dependsOn(aws.edge!.acl)).toEqual([]);
  });

  it("carries the web ACL's ARN from us-east-1 to Seoul through SSM parameters the edge stack writes in Seoul", () => {
    const edge = Template.fromStack(aws.edge!.acl).toJSON().Resources as Resources;
    const [[, writer]] = ofType(edge, 'Custom::CrossRegionExportWriter') as [[string, Resources[string]]];
    expect(writer.Properties.WriterProps.region).toBe('ap-northeast-2');
    const names = Object.keys(writer.Properties.WriterProps.exports);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\/cdk\/exports\/HojoWeb\//);
    const web = Template.fromStack(aws.edge!.web).toJSON().Resources as Resources;
    const [[, reader]] = ofType(web, 'Custom::CrossRegionExportReader') as [[string, Resources[string]]];
    expect(reader.Properties.ReaderProps).toMatchObject({ region: 'ap-northeast-2', prefix: 'HojoWeb' });
  });

  it('names every DNS record the operator creates in its outputs: the API origin target and the distribution', () => {
    expect(Object.keys(aws.apiTemplate.toJSON().Outputs)).toContain('ApiOriginTarget');
    const outputs = Template.fromStack(aws.edge!.web).toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['DistributionDomainName', 'ConsoleUrl']));
  });
});

describe('finding 10: identity for machines', () => {
  // The officials' pool's clients (the residents' client is asserted below).
  const clients = () =>
    ofType(resourcesOf(aws, 'data'), 'AWS::Cognito::UserPoolClient')
      .map(([, c]) => c.Properties)
      .filter((c) => c.ClientName !== 'hojo-residents');

  it('signs officials in with SRP only and no OAuth flow unless callbacks are configured (no implicit grant, no example.com)', () => {
    const officials = clients().find((c) => c.ReadAttributes)!;
    expect(officials.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(officials.AllowedOAuthFlows).toBeUndefined();
    expect(JSON.stringify(clients())).not.toContain('example.com');
    expect(JSON.stringify(clients())).not.toContain('"implicit"');
  });

  it('gives the treasury bank and the department systems client-credentials clients with their own scopes, accepted by the authorizer', () => {
    const machines = clients().filter((c) => c.AllowedOAuthFlows);
    expect(machines).toHaveLength(Object.keys(machineClients).length + 3);
    for (const client of machines) {
      expect(client).toMatchObject({
        AllowedOAuthFlows: ['client_credentials'],
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
      });
      // hojo-<kind> (one per kind), hojo-<kind>-<government>[-set] (the stack's clients for a government or a set).
      const name = (client.ClientName as string).replace('hojo-', '').split('-')[0] as keyof typeof machineClients;
      const scopes = JSON.stringify(client.AllowedOAuthScopes);
      expect(client.AllowedOAuthScopes).toHaveLength(machineClients[name].scopes.length);
      for (const scope of machineClients[name].scopes) expect(scopes).toContain(`/${scope}`);
      expect(JSON.stringify(resourcesOf(aws, 'data'))).toContain(`"Identifier":"${resourceServerIdentifier}"`);
    }
    const [[, authorizer]] = ofType(resourcesOf(aws, 'api'), 'AWS::ApiGatewayV2::Authorizer') as [[string, Resources[string]]];
    // The console client, one client per machine kind, and the per-government clients of -c machineClientIds.
    const audience = authorizer.Properties.JwtConfiguration.Audience as unknown[];
    expect(audience).toHaveLength(1 + machines.length + 2);
    expect(audience.slice(-2)).toEqual(['bank-pc-11110', 'bank-pc-26000']);
  });

  it('creates a client-credentials client for each role@government[+…] entry, admits it and outputs it for registration', () => {
    const data = resourcesOf(aws, 'data');
    const perGovernment = ofType(data, 'AWS::Cognito::UserPoolClient').filter(([, c]) => /-\d{5}(-set)?$/.test(c.Properties.ClientName));
    expect(perGovernment.map(([, c]) => c.Properties.ClientName).sort()).toEqual([
      'hojo-DepartmentSystems-26000',
      'hojo-TreasuryBank-11110-set',
      'hojo-TreasuryBank-26000',
    ]);
    // A one-government client keeps the construct id it had before sets existed (never replaced on update).
    expect(perGovernment.map(([id]) => id).some((id) => id.includes('TreasuryBank26000Client'))).toBe(true);
    const bank = perGovernment.find(([, c]) => c.Properties.ClientName === 'hojo-TreasuryBank-26000')!;
    expect(JSON.stringify(bank[1].Properties.AllowedOAuthScopes)).toContain('/payments.confirm');
    expect(JSON.stringify(bank[1].Properties.AllowedOAuthScopes)).not.toContain('/postings.submit');
    const [[, authorizer]] = ofType(resourcesOf(aws, 'api'), 'AWS::ApiGatewayV2::Authorizer') as [[string, Resources[string]]];
    const audience = JSON.stringify(authorizer.Properties.JwtConfiguration.Audience);
    for (const [id] of perGovernment) expect(audience).toContain(id);
    // One output in HOJO_MACHINE_CLIENTS' format (npm run machine-clients -- register-all), not the environment:
    // the table's registry holds them, so that a suspension applies to them too.
    const output = JSON.stringify(aws.dataTemplate.toJSON().Outputs.MachineClients.Value);
    for (const [id] of perGovernment) expect(output).toContain(id);
    expect(output).toContain('=treasury_bank@26000');
    expect(output).toContain('=department_official@26000');
    expect(output).toContain('=treasury_bank@11110+26000+41000');
  });

  it(`refuses more client ids than a JWT authorizer accepts (${audiencesPerAuthorizer}, API Gateway's quota)`, () => {
    const http = (count: number) =>
      new HojoHttpApi(new Stack(), 'Http', {
        jwtIssuer: 'https://issuer.example.go.kr',
        jwtAudience: Array.from({ length: count }, (_, i) => `client-${i}`),
        logRetention: RetentionDays.ONE_YEAR,
      });
    expect(() => http(audiencesPerAuthorizer)).not.toThrow();
    expect(() => http(audiencesPerAuthorizer + 1)).toThrow(/at most 50 audiences/);
  });
});

describe('finding 10: residents in their own user pool', () => {
  const pools = () => ofType(resourcesOf(aws, 'data'), 'AWS::Cognito::UserPool').map(([id, p]) => [id, p.Properties] as const);

  it('keeps residents in an Essentials pool of their own, officials in the Plus pool with TOTP required', () => {
    const all = pools();
    expect(all).toHaveLength(2);
    const [[residentsId, residents]] = all.filter(([id]) => id.startsWith('Residents')) as [[string, Record<string, any>]];
    const [[, officials]] = all.filter(([id]) => !id.startsWith('Residents')) as [[string, Record<string, any>]];
    expect(residents).toMatchObject({
      UserPoolTier: 'ESSENTIALS',
      MfaConfiguration: 'OPTIONAL',
      // self sign-up, with the e-mail verified by a code before the account is confirmed
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    });
    expect(officials).toMatchObject({
      UserPoolTier: 'PLUS',
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    // the access token carries custom:gov in both pools (pre-token generation v2)
    expect(residents.LambdaConfig.PreTokenGenerationConfig.LambdaVersion).toBe('V2_0');
    const clients = ofType(resourcesOf(aws, 'data'), 'AWS::Cognito::UserPoolClient').filter(
      ([, c]) => JSON.stringify(c.Properties.UserPoolId) === JSON.stringify({ Ref: residentsId }),
    );
    expect(clients).toHaveLength(1);
    const [[, { Properties: client }]] = clients as [[string, Resources[string]]];
    // SRP only; explicit OAuth: the code grant to the configured callback, no implicit grant, no example.com
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://participate.example.go.kr/callback'],
      GenerateSecret: false,
    });
    // a resident may write their e-mail and nothing else: never custom:gov, the government they act in
    expect(client.WriteAttributes).toEqual(['email']);
    expect(client.ReadAttributes).toContain('custom:gov');
    const domains = ofType(resourcesOf(aws, 'data'), 'AWS::Cognito::UserPoolDomain').filter(
      ([, d]) => JSON.stringify(d.Properties.UserPoolId) === JSON.stringify({ Ref: residentsId }),
    );
    expect(domains.map(([, d]) => d.Properties.Domain)).toEqual([expect.stringMatching(/-residents$/)]);
  });

  it("gives the residents' routes an authorizer that accepts only the residents' pool, and every other route the officials'", () => {
    const api = resourcesOf(aws, 'api');
    const authorizers = ofType(api, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(2);
    const [[residentAuthorizerId, residentAuthorizer]] = authorizers.filter(([id]) => id.includes('ResidentJwt')) as [
      [string, Resources[string]],
    ];
    expect(JSON.stringify(residentAuthorizer.Properties.JwtConfiguration.Issuer)).toContain('ResidentsUserPool');
    expect(residentAuthorizer.Properties.JwtConfiguration.Audience).toHaveLength(1);
    const residentRoutes = routes.filter((r) => isResidentRoute(r.access));
    expect(residentRoutes).toHaveLength(5);
    const protectedRoutes = ofType(api, 'AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.AuthorizationType === 'JWT');
    expect(protectedRoutes.length).toBeGreaterThan(residentRoutes.length);
    for (const [id, route] of protectedRoutes) {
      const byResidents = residentRoutes.some((r) => id.startsWith(`${r.id}HttpRoute`));
      expect(JSON.stringify(route.Properties.AuthorizerId).includes(residentAuthorizerId.slice(0, 20)), id).toBe(byResidents);
    }
  });

  it("tells every route function the residents' issuer, so claims are separated in the code too", () => {
    const functions = ofType(resourcesOf(aws, 'api'), 'AWS::Lambda::Function').filter(([id]) =>
      routes.some((r) => id.startsWith(routeFunctionId(r.id))),
    );
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions)
      expect(JSON.stringify(fn.Properties.Environment.Variables[residentIssuerEnv]), id).toContain('cognito-idp');
  });
});

describe('finding 9: safe rollout', () => {
  const api = () => resourcesOf(aws, 'api');
  const aliases = () => ofType(api(), 'AWS::Lambda::Alias');

  it('publishes a version behind a live alias for every route function, consumer and scheduled job', () => {
    expect(aliases()).toHaveLength(routes.length + Object.keys(queues).length + schedules.length);
    for (const [id, alias] of aliases()) {
      expect(alias.Properties.Name, id).toBe(liveAliasName);
      expect(JSON.stringify(alias.Properties.FunctionVersion), id).toContain('Version');
    }
    expect(ofType(api(), 'AWS::Lambda::Version')).toHaveLength(aliases().length);
  });

  it('integrates every route with its alias, and maps every queue shard onto the consumer alias', () => {
    const integrations = ofType(api(), 'AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(routes.length);
    for (const [id, integration] of integrations) {
      // The alias ARN, from the nested stack's own alias or a parameter carrying it.
      expect(JSON.stringify(integration.Properties.IntegrationUri), id).toMatch(/RolloutLive/);
    }
    const mappings = ofType(api(), 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(shards + 1);
    for (const [id, mapping] of mappings) expect(JSON.stringify(mapping.Properties.FunctionName), id).toMatch(/RolloutLive/);
  });

  it('has every schedule invoke its job through the live alias, never $LATEST', () => {
    const scheduled = ofType(api(), 'AWS::Scheduler::Schedule');
    expect(scheduled).toHaveLength(schedules.length);
    for (const [id, schedule] of scheduled) {
      const target = schedule.Properties.Target.Arn as { Ref?: string };
      expect(target.Ref, id).toMatch(/RolloutLive/);
      expect(api()[target.Ref!]?.Type, id).toBe('AWS::Lambda::Alias');
    }
  });

  it('deploys each alias by canary (10 % for 5 minutes) and rolls back on the function alarms', () => {
    const groups = ofType(api(), 'AWS::CodeDeploy::DeploymentGroup');
    expect(groups).toHaveLength(aliases().length);
    const [[, application]] = ofType(api(), 'AWS::CodeDeploy::Application') as [[string, Resources[string]]];
    expect(application.Properties.ComputePlatform).toBe('Lambda');
    for (const [id, group] of groups) {
      expect(group.Properties.DeploymentConfigName, id).toBe('CodeDeployDefault.LambdaCanary10Percent5Minutes');
      expect(group.Properties.AutoRollbackConfiguration, id).toEqual({
        Enabled: true,
        Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM']),
      });
      const alarmNames = JSON.stringify(group.Properties.AlarmConfiguration.Alarms);
      expect(group.Properties.AlarmConfiguration.Enabled, id).toBe(true);
      expect(alarmNames, id).toContain('RolloutLatencyAlarm');
      expect(alarmNames, id).toMatch(/FailuresAlarm|ConsumerErrorsAlarm/);
    }
    const roles = ofType(api(), 'AWS::IAM::Role').filter(([id]) => id.endsWith('RolloutRole') || /RolloutRole[0-9A-F]{8}$/.test(id));
    expect(roles.length).toBeGreaterThan(1);
    for (const [id, role] of roles) expect(role.Properties.ManagedPolicyArns, id).toHaveLength(1);
    const p99 = ofType(api(), 'AWS::CloudWatch::Alarm').filter(([id]) => id.includes('RolloutLatencyAlarm'));
    expect(p99).toHaveLength(aliases().length);
    for (const [, alarm] of p99) expect(alarm.Properties).toMatchObject({ MetricName: 'Duration', ExtendedStatistic: 'p99' });
  });
});

describe('finding 9: the pre-traffic smoke test', () => {
  const api = () => resourcesOf(aws, 'api');
  const hookOf = (kind: 'route' | 'consumer') => {
    const hooks = ofType(api(), 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.[smokeKindEnv] === kind);
    expect(hooks).toHaveLength(1);
    return hooks[0]!;
  };

  it('runs a smoke test before any traffic shifts to a new route or consumer version, and none for scheduled jobs', () => {
    const aliases = ofType(api(), 'AWS::Lambda::Alias') as [string, Resources[string] & { UpdatePolicy?: any }][];
    const hooked = (kind: string) =>
      aliases.filter(([, a]) => JSON.stringify(a.UpdatePolicy?.CodeDeployLambdaAliasUpdate?.BeforeAllowTrafficHook ?? '').includes(kind));
    expect(hooked('RouteSmokeTest')).toHaveLength(routes.length);
    expect(hooked('ConsumerSmokeTest')).toHaveLength(Object.keys(queues).length);
    const unhooked = aliases.filter(([, a]) => a.UpdatePolicy?.CodeDeployLambdaAliasUpdate?.BeforeAllowTrafficHook === undefined);
    expect(unhooked).toHaveLength(schedules.length);
    for (const [id, alias] of aliases) expect(alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate?.DeploymentGroupName, id).toBeDefined();
  });

  it("lets each hook read the deployment, report on it and invoke only versions of the API stack's functions", () => {
    for (const kind of ['route', 'consumer'] as const) {
      const [hookId, hook] = hookOf(kind);
      const { statements } = allowedActions(api(), hook.Properties.Role['Fn::GetAtt'][0]);
      const deploy = statements.find((st) => JSON.stringify(st.Action).includes('codedeploy:'));
      expect(deploy?.Action, hookId).toEqual(['codedeploy:GetDeployment', 'codedeploy:PutLifecycleEventHookExecutionStatus']);
      expect(JSON.stringify(deploy?.Resource), hookId).toContain(':deploymentgroup:hojo/*');
      const invoke = statements.find((st) => st.Action === 'lambda:InvokeFunction');
      expect(JSON.stringify(invoke?.Resource), hookId).toContain(':function:HojoApi-*:*');
      expect(hook.Properties.Timeout, hookId).toBe(60);
    }
  });

  it('lets every CodeDeploy role invoke the hooks its deployment groups name', () => {
    const roles = ofType(api(), 'AWS::IAM::Role').filter(([id]) => id.endsWith('RolloutRole') || /RolloutRole[0-9A-F]{8}$/.test(id));
    const invoking = roles.filter(([id]) => JSON.stringify(allowedActions(api(), id).statements).includes('SmokeTest'));
    // Each nested stack of routes has its role; the API stack's role serves the consumers (and jobs, unhooked).
    expect(invoking).toHaveLength(roles.length);
  });
});

describe("finding 10: officials' access tokens carry their government", () => {
  it('adds custom:gov and custom:dept to the access token by a version 2 pre-token-generation trigger', () => {
    const data = resourcesOf(aws, 'data');
    const [[, pool]] = ofType(data, 'AWS::Cognito::UserPool') as [[string, Resources[string]]];
    const trigger = pool.Properties.LambdaConfig.PreTokenGenerationConfig;
    expect(trigger.LambdaVersion).toBe('V2_0');
    const fnId = trigger.LambdaArn['Fn::GetAtt'][0] as string;
    expect(data[fnId]?.Properties.Code.ZipFile).toBe(accessTokenClaimsSource);
    expect(data[fnId]?.Properties.Runtime).toBe('nodejs24.x');
    // Cognito may invoke it, nobody else
    const permission = ofType(data, 'AWS::Lambda::Permission').find(([, p]) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === fnId);
    expect(permission?.[1].Properties.Principal).toBe('cognito-idp.amazonaws.com');
  });

  it('the trigger copies the attributes into the access token and nothing else', async () => {
    const module = { exports: {} as { handler?: (event: unknown) => Promise<any> } };
    new Function('exports', 'module', accessTokenClaimsSource)(module.exports, module);
    const event = await module.exports.handler!({
      request: { userAttributes: { sub: 'u1', email: 'kim@example.go.kr', 'custom:gov': '11110', 'custom:dept': 'D100' } },
      response: {},
    });
    expect(event.response).toEqual({
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { 'custom:gov': '11110', 'custom:dept': 'D100' } } },
    });
  });
});

describe('finding 10: machine tokens mapped to a role and government', () => {
  it('passes the registered machine clients to every route function', () => {
    const functions = ofType(resourcesOf(aws, 'api'), 'AWS::Lambda::Function').filter(([id]) =>
      routes.some((r) => id.startsWith(routeFunctionId(r.id))),
    );
    expect(functions).toHaveLength(routes.length);
    for (const [id, fn] of functions) {
      expect(fn.Properties.Environment.Variables[machineClientsEnv], id).toBe('bank-nh=treasury_bank@11110+26000');
    }
  });
});

describe('finding 8: IAM no broader than the code', () => {
  it('grants BatchWriteItem to the batch writers and the postings consumer alone, and no archive read beyond objects and the listing', () => {
    const policies = ofType(resourcesOf(aws, 'api'), 'AWS::IAM::Policy').map(([id, p]) => [id, JSON.stringify(p.Properties)] as const);
    // The postings consumer writes the document ledger's index after its transaction (#21).
    const batchWriting = [
      ...routes.filter((r) => batchWriters.includes(r.handler)).map((r) => routeFunctionId(r.id)),
      consumerFunctionId('postings'),
    ];
    const holders = policies.filter(([, p]) => p.includes('dynamodb:BatchWriteItem')).map(([id]) => id);
    expect(holders).toHaveLength(batchWriting.length);
    for (const id of holders)
      expect(
        batchWriting.some((fn) => id.startsWith(fn)),
        id,
      ).toBe(true);
    expect(policies.filter(([, p]) => p.includes('s3:GetObjectVersion'))).toEqual([]);
    const archiveReaderPolicies = policies.filter(([, p]) => p.includes('s3:GetObject')).map(([id]) => id);
    const readers = [
      ...routes.filter((r) => archiveReaders.includes(r.handler)).map((r) => routeFunctionId(r.id)),
      consumerFunctionId('settlement'),
    ];
    expect(
      archiveReaderPolicies.every((id) => readers.some((fn) => id.startsWith(fn))),
      archiveReaderPolicies.join(),
    ).toBe(true);
  });

  it("grants Scan to nobody and DescribeTable to the operators' health route alone", () => {
    const policies = ofType(resourcesOf(aws, 'api'), 'AWS::IAM::Policy').map(([, p]) => JSON.stringify(p.Properties));
    expect(policies.filter((p) => p.includes('dynamodb:Scan'))).toEqual([]);
    const describers = policies.filter((p) => p.includes('dynamodb:DescribeTable'));
    expect(describers).toHaveLength(1);
    expect(describers[0]).toContain(routeFunctionId('getHealthDependencies'));
  });
});
