import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerFunctionId, jobFunctionId, queueConstructId, routeFunctionId } from '#infra/cdk/construct-ids.ts';
import { routePermissions, schedulePermissions } from '#infra/cdk/permissions.ts';
import { businessAlarms } from '#shared/alarms.ts';
import { allRoles } from '#shared/auth/roles.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import { scheduleTimeZone, schedules } from '#shared/schedules.ts';
import { allowedActions, ofConstruct, stubProjectRoot, synthesize } from '#test/infra/synth-support.ts';
import type { Resources, Synthesized } from '#test/infra/synth-support.ts';

const projectRoot = stubProjectRoot(routes, schedules);
let aws: Synthesized;
let onprem: Synthesized;

beforeAll(() => {
  aws = synthesize({ projectRoot, context: { target: 'aws' } });
  onprem = synthesize({
    projectRoot,
    context: {
      target: 'onprem',
      jwtIssuer: 'https://sso.example.go.kr/realms/hojo',
      jwtAudience: 'hojo-api',
      endpointUrl: 'http://10.0.0.5:4566',
    },
  });
});

/** The data stack's resources, or the API stack's merged with those of its nested route stacks. */
function resourcesOf(s: Synthesized, stack: 'data' | 'api'): Resources {
  if (stack === 'data') return s.dataTemplate.toJSON().Resources as Resources;
  const merged: Resources = {};
  for (const template of [s.apiTemplate, ...s.nestedTemplates]) {
    for (const [id, resource] of Object.entries(template.toJSON().Resources as Resources)) {
      expect(merged[id], `logical id ${id} in two templates`).toBeUndefined();
      merged[id] = resource;
    }
  }
  return merged;
}

function routeFunction(s: Synthesized, routeId: string) {
  const [entry, ...others] = ofConstruct(resourcesOf(s, 'api'), routeFunctionId(routeId), 'AWS::Lambda::Function');
  expect(entry, `function of route ${routeId}`).toBeDefined();
  expect(others).toHaveLength(0);
  return { logicalId: entry![0], properties: entry![1].Properties, roleLogicalId: entry![1].Properties.Role['Fn::GetAtt'][0] as string };
}

describe.each(['aws', 'onprem'] as const)('%s target', (target) => {
  const synth = () => (target === 'aws' ? aws : onprem);

  it('has no unacknowledged cdk-nag AwsSolutions finding, error or warning', () => {
    expect(synth().nagFindings.map((f) => `${f.ruleName} at ${f.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    for (const stack of [synth().data, synth().api]) {
      expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    }
  });

  it('gives every declared route its own nodejs24.x ARM64 function with source maps and a log group', () => {
    const resources = resourcesOf(synth(), 'api');
    for (const route of routes) {
      const { properties } = routeFunction(synth(), route.id);
      expect(properties.Runtime).toBe('nodejs24.x');
      expect(properties.Architectures).toEqual(['arm64']);
      expect(properties.Handler).toBe('index.handler');
      expect(properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('hojo');
      const logGroup = properties.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroup]?.Type).toBe('AWS::Logs::LogGroup');
      expect(resources[logGroup]?.Properties.RetentionInDays).toBe(365);
    }
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')).toHaveLength(
      routes.length + Object.keys(queues).length + schedules.length,
    );
  });

  it('routes every declared operation to its function, behind the JWT authorizer unless declared public', () => {
    const resources = resourcesOf(synth(), 'api');
    const apiRoutes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(apiRoutes).toHaveLength(routes.length);
    const [authorizerId] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer') ?? [];
    expect(authorizerId).toBeDefined();
    for (const route of routes) {
      const apiRoute = apiRoutes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(apiRoute, `${route.method} ${route.path}`).toBeDefined();
      if (route.access.kind === 'public') {
        expect(apiRoute!.Properties.AuthorizationType).toBe('NONE');
      } else {
        expect(apiRoute!.Properties.AuthorizationType).toBe('JWT');
        // Routes sit in nested stacks: the authorizer's id arrives as a parameter the API stack sets.
        const parameter = apiRoute!.Properties.AuthorizerId.Ref as string;
        const passed = Object.values(resources)
          .filter((r) => r.Type === 'AWS::CloudFormation::Stack')
          .map((r) => r.Properties.Parameters?.[parameter])
          .filter(Boolean);
        expect(passed).toContainEqual({ Ref: authorizerId });
      }
      const integrationId = (apiRoute!.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      const integration = resources[integrationId.Ref]!;
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
      expect(integration.Properties.IntegrationUri['Fn::GetAtt'][0]).toBe(routeFunction(synth(), route.id).logicalId);
    }
  });

  it('logs and throttles the API stage and does not answer CORS preflights', () => {
    synth().apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
      DefaultRouteSettings: { ThrottlingRateLimit: 2000, ThrottlingBurstLimit: 5000 },
    });
    synth().apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
  });

  it('builds the FIFO postings queue with a FIFO dead-letter queue, redrive and partial batch responses', () => {
    const resources = resourcesOf(synth(), 'api');
    for (const key of Object.keys(queues) as QueueKey[]) {
      const declaration = queues[key];
      const sqs = ofConstruct(resources, queueConstructId(key), 'AWS::SQS::Queue');
      const [mainId, main] = sqs.find(([, q]) => q.Properties.RedrivePolicy)!;
      const [dlqId, dlq] = sqs.find(([, q]) => !q.Properties.RedrivePolicy)!;
      expect(main.Properties.FifoQueue).toBe(declaration.fifo ? true : undefined);
      expect(dlq.Properties.FifoQueue).toBe(declaration.fifo ? true : undefined);
      expect(main.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
        maxReceiveCount: declaration.maxReceiveCount,
      });
      expect(main.Properties.VisibilityTimeout).toBe(declaration.visibilityTimeoutSeconds);
      for (const q of [main, dlq]) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
      const consumer = ofConstruct(resources, consumerFunctionId(key), 'AWS::Lambda::Function')[0]!;
      expect(consumer[1].Properties.Timeout * 6).toBeLessThanOrEqual(declaration.visibilityTimeoutSeconds);
      synth().apiTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [mainId, 'Arn'] },
        FunctionName: { Ref: consumer[0] },
        BatchSize: declaration.consumer.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      // TLS only, on both queues.
      for (const queueId of [mainId, dlqId]) {
        synth().apiTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    }
    expect(queues.postings.fifo).toBe(true);
  });

  it('alarms as soon as a message reaches a dead-letter queue and when a consumer throws', () => {
    const resources = resourcesOf(synth(), 'api');
    for (const key of Object.keys(queues) as QueueKey[]) {
      const [dlqId] = ofConstruct(resources, queueConstructId(key), 'AWS::SQS::Queue').find(([, q]) => !q.Properties.RedrivePolicy)!;
      synth().apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      const [consumerId] = ofConstruct(resources, consumerFunctionId(key), 'AWS::Lambda::Function')[0]!;
      synth().apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: consumerId } }],
        Threshold: 1,
      });
    }
  });

  it('alarms on every declared business metric: a reconciliation difference, an archive conflict, a failed closing', () => {
    for (const declaration of businessAlarms) {
      synth().apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: declaration.namespace,
        MetricName: declaration.metric,
        Dimensions: Object.entries(declaration.dimensions).map(([Name, Value]) => ({ Name, Value })),
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
    expect(businessAlarms.map((d) => d.metric)).toEqual(expect.arrayContaining(['ReconciliationDifferences', 'ArchiveConflicts']));
  });

  it('keeps the table on demand with point-in-time recovery, deletion protection, encryption and gsi1', () => {
    const [index] = table.globalIndexes;
    synth().dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: index!.name,
          KeySchema: [
            { AttributeName: index!.partitionKey, KeyType: 'HASH' },
            { AttributeName: index!.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    synth().dataTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('makes the archive write-once: versioning, Object Lock COMPLIANCE, no public access, access logs, TLS only', () => {
    const archive = buckets.archive;
    synth().dataTemplate.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: archive.objectLockRetentionDays } },
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: `${archive.name}/` },
    });
    const policies = Object.values(resourcesOf(synth(), 'data')).filter((r) => r.Type === 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('gives GET routes no write on the table, and the queue only to the routes that enqueue', () => {
    const resources = resourcesOf(synth(), 'api');
    for (const route of routes) {
      const { roleLogicalId } = routeFunction(synth(), route.id);
      const { actions } = allowedActions(resources, roleLogicalId);
      const expected = routePermissions(route);
      const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'].filter((a) =>
        actions.has(a),
      );
      if (route.method === 'GET') expect(writes, `${route.id} writes`).toEqual([]);
      expect(actions.has('dynamodb:Query'), `${route.id} reads`).toBe(expected.table !== 'none');
      expect(actions.has('sqs:SendMessage'), `${route.id} enqueues`).toBe(expected.sendTo.length > 0);
      expect(actions.has('s3:PutObject'), `${route.id} writes the archive`).toBe(false);
    }
  });

  it('deletes table items only for draft budget edits and writes the archive only from the settlement consumer', () => {
    const resources = resourcesOf(synth(), 'api');
    const roles = Object.keys(resources).filter((id) => resources[id]!.Type === 'AWS::IAM::Role');
    const holders = (action: string) => roles.filter((roleId) => allowedActions(resources, roleId).actions.has(action)).sort();
    for (const roleId of roles) {
      for (const action of allowedActions(resources, roleId).actions) {
        expect(action, roleId).not.toMatch(/^s3:Delete|^s3:PutObjectLegalHold$|^s3:BypassGovernanceRetention$|\*/);
      }
    }
    const deleters = routes
      .filter((route) => routePermissions(route).deletesDraftItems)
      .map((route) => routeFunction(synth(), route.id).roleLogicalId);
    expect(deleters.length).toBeGreaterThan(0);
    expect(holders('dynamodb:DeleteItem')).toEqual(deleters.sort());
    const [settlementConsumer] = ofConstruct(resources, consumerFunctionId('settlement'), 'AWS::IAM::Role')[0]!;
    expect(holders('s3:PutObject')).toEqual([settlementConsumer]);
    expect(holders('s3:PutObjectRetention')).toEqual([settlementConsumer]);
  });

  it('reads each index by name, never index/*', () => {
    const resources = resourcesOf(synth(), 'api');
    const serialised = JSON.stringify(Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy'));
    expect(serialised).not.toContain('/index/*');
    expect(serialised).toContain(`/index/${table.globalIndexes[0]!.name}`);
  });

  it('runs every declared schedule in Asia/Seoul on its job function, with retries and a dead-letter queue', () => {
    const resources = resourcesOf(synth(), 'api');
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule')).toHaveLength(schedules.length);
    for (const schedule of schedules) {
      const [jobId, job] = ofConstruct(resources, jobFunctionId(schedule.name), 'AWS::Lambda::Function')[0]!;
      expect(job.Properties.Runtime).toBe('nodejs24.x');
      const scheduled = Object.values(resources).filter(
        (r) => r.Type === 'AWS::Scheduler::Schedule' && r.Properties.Target.Arn['Fn::GetAtt']?.[0] === jobId,
      );
      expect(scheduled).toHaveLength(1);
      const { Properties } = scheduled[0]!;
      expect(Properties.ScheduleExpression).toBe(`cron(${schedule.cron})`);
      expect(Properties.ScheduleExpressionTimezone).toBe(scheduleTimeZone);
      expect(Properties.State).toBe('ENABLED');
      expect(Properties.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
      expect(Properties.Target.DeadLetterConfig.Arn).toBeDefined();
      expect(JSON.stringify(Properties.Target.Input)).toContain(
        JSON.stringify(`"detail":${JSON.stringify(schedule.input ?? {})}`).slice(1, -1),
      );
      const { actions } = allowedActions(resources, job.Properties.Role['Fn::GetAtt'][0]);
      expect(actions.has('sqs:SendMessage')).toBe(schedulePermissions(schedule).sendTo.length > 0);
    }
  });

  it('stays well under the CloudFormation limit of 500 resources in every stack, nested ones included', () => {
    const templates = [synth().dataTemplate, synth().apiTemplate, ...synth().nestedTemplates];
    for (const template of templates) expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(350);
    const domains = new Set(routes.map((route) => route.handler.split('/')[0]));
    expect(synth().nestedTemplates).toHaveLength(domains.size);
  });
});

describe('aws target', () => {
  it('creates a Cognito user pool with one group per role, MFA, and gov/dept attributes users cannot change', () => {
    aws.dataTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'gov', AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'dept', AttributeDataType: 'String' }),
      ]),
      UserPoolTier: 'PLUS',
    });
    const groups = Object.values(resourcesOf(aws, 'data'))
      .filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
      .map((r) => r.Properties.GroupName as string);
    expect(groups.sort()).toEqual([...allRoles].sort());
    const client = Object.values(resourcesOf(aws, 'data')).find((r) => r.Type === 'AWS::Cognito::UserPoolClient')!;
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:gov', 'custom:dept']));
    expect(client.Properties.WriteAttributes).not.toContain('custom:gov');
    expect(client.Properties.WriteAttributes).not.toContain('custom:dept');
    expect(client.Properties.GenerateSecret).toBe(false);
  });

  it('points the JWT authorizer at the user pool and its app client', () => {
    aws.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.ap-northeast-2.amazonaws.com/',
              { 'Fn::ImportValue': Match.stringLikeRegexp('IdentityUserPool[0-9A-F]+') },
            ],
          ],
        },
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('IdentityUserPoolApiClient') }],
      },
    });
  });

  it('traces every function with X-Ray', () => {
    for (const fn of Object.values(resourcesOf(aws, 'api')).filter((r) => r.Type === 'AWS::Lambda::Function')) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.AWS_ENDPOINT_URL).toBeUndefined();
    }
  });
});

describe('onprem target', () => {
  it('uses no Cognito, X-Ray or Lambda Insights', () => {
    for (const stack of ['data', 'api'] as const) {
      const types = Object.values(resourcesOf(onprem, stack)).map((r) => r.Type);
      expect(types.filter((t) => t.startsWith('AWS::Cognito::'))).toEqual([]);
    }
    for (const fn of Object.values(resourcesOf(onprem, 'api')).filter((r) => r.Type === 'AWS::Lambda::Function')) {
      expect(fn.Properties.TracingConfig).toBeUndefined();
      expect(fn.Properties.Layers).toBeUndefined();
      expect(fn.Properties.Environment.Variables.POWERTOOLS_TRACE_DISABLED).toBe('true');
    }
    expect(JSON.stringify(onprem.apiTemplate.toJSON())).not.toContain('xray:');
  });

  it('trusts the external OIDC issuer given by context', () => {
    onprem.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://sso.example.go.kr/realms/hojo', Audience: ['hojo-api'] },
    });
  });

  it('passes the endpoint override to every function through the SDK variable', () => {
    for (const fn of Object.values(resourcesOf(onprem, 'api')).filter((r) => r.Type === 'AWS::Lambda::Function')) {
      expect(fn.Properties.Environment.Variables.AWS_ENDPOINT_URL).toBe('http://10.0.0.5:4566');
    }
  });
});
