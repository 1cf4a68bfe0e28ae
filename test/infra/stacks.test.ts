import { isResidentRoute } from '#shared/auth/resident-identity.ts';
import type { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerFunctionId, jobFunctionId, queueConstructId, routeFunctionId } from '#infra/cdk/construct-ids.ts';
import { consumeActions } from '#infra/cdk/constructs/shard-consumers.ts';
import { deliveryPlans } from '#infra/cdk/delivery-plan.ts';
import { queueSendActions, tableReadActions, tableWriteActions } from '#infra/cdk/grant-permissions.ts';
import { routePermissions, schedulePermissions } from '#infra/cdk/permissions.ts';
import { shardsPerNestedStack } from '#infra/cdk/queue-family-plan.ts';
import { routesPerNestedStack } from '#infra/cdk/stacks/api-stack.ts';
import { SHARD_PLACEHOLDER, shardName } from '#shared/config/queue-shards.ts';
import { businessAlarms } from '#shared/alarms.ts';
import { allRoles } from '#shared/auth/roles.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import { scheduleTimeZone, schedules } from '#shared/schedules.ts';
import { allowedActions, ofConstruct, stubProjectRoot, synthesize } from '#test/infra/synth-support.ts';
import type { Resources, Synthesized } from '#test/infra/synth-support.ts';

const projectRoot = stubProjectRoot(routes, schedules);
const postings = queues.postings;
const postingsShards = postings.shards.defaultCount;
const unshardedQueues = (Object.keys(queues) as QueueKey[]).filter((key) => !('shards' in queues[key]));
let aws: Synthesized;
let onprem: Synthesized;

/** Two syntheses of 243 shards each: about 15 s of CPU apiece, minutes of wall time on a shared 2-core machine. */
const synthesisTimeoutMs = 600_000;

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
}, synthesisTimeoutMs);

/**
 * A stack's resources merged with those of its nested stacks (route groups, queue shard groups),
 * merged once per synthesis: the per-route checks below ask for them hundreds of times (issue #21).
 */
const merges = new WeakMap<Synthesized, Partial<Record<'data' | 'api', Resources>>>();
function resourcesOf(s: Synthesized, stack: 'data' | 'api'): Resources {
  const known = merges.get(s) ?? {};
  merges.set(s, known);
  known[stack] ??= mergedResources(s, stack);
  return known[stack];
}

function mergedResources(s: Synthesized, stack: 'data' | 'api'): Resources {
  const merged: Resources = {};
  const templates = stack === 'data' ? [s.dataTemplate, ...s.dataNestedTemplates] : [s.apiTemplate, ...s.nestedTemplates];
  for (const template of templates) {
    for (const [id, resource] of Object.entries(template.toJSON().Resources as Resources)) {
      expect(merged[id], `logical id ${id} in two templates`).toBeUndefined();
      merged[id] = resource;
    }
  }
  return merged;
}

/**
 * The AwsSolutions errors and warnings annotated on a stack or its nested stacks, as
 * `Annotations.fromStack(stack).findError/findWarning('*', 'AwsSolutions-…')` finds them, but read
 * from the assembly the synthesis wrote: Annotations.fromStack synthesizes the whole app again (all
 * 243 shards, `force: true`) on every call (issue #21, `npm test` duration).
 */
function nagAnnotations(s: Synthesized, stack: Stack): string[] {
  return s.app
    .synth()
    .getStackArtifact(stack.artifactId)
    .messages.filter((m) => (m.level === 'error' || m.level === 'warning') && /AwsSolutions-.*/.test(String(m.entry.data)))
    .map((m) => `${m.level} at ${m.id}: ${String(m.entry.data)}`);
}

function routeFunction(s: Synthesized, routeId: string) {
  const [entry, ...others] = ofConstruct(resourcesOf(s, 'api'), routeFunctionId(routeId), 'AWS::Lambda::Function');
  expect(entry, `function of route ${routeId}`).toBeDefined();
  expect(others).toHaveLength(0);
  return { logicalId: entry![0], properties: entry![1].Properties, roleLogicalId: entry![1].Properties.Role['Fn::GetAtt'][0] as string };
}

describe.each(['aws', 'onprem'] as const)('%s target', (target) => {
  const synth = () => (target === 'aws' ? aws : onprem);

  it('has no unacknowledged cdk-nag AwsSolutions finding, error or warning', { timeout: synthesisTimeoutMs }, () => {
    expect(synth().nagFindings.map((f) => `${f.ruleName} at ${f.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    for (const stack of [synth().data, synth().api]) expect(nagAnnotations(synth(), stack)).toEqual([]);
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
    // …and on aws, where CodeDeploy shifts the aliases, its two pre-traffic smoke tests (issue #19, finding 9).
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')).toHaveLength(
      routes.length + Object.keys(queues).length + schedules.length + (target === 'aws' ? 2 : 0),
    );
  });

  it('routes every declared operation to its function, behind the JWT authorizer unless declared public', () => {
    const resources = resourcesOf(synth(), 'api');
    const apiRoutes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(apiRoutes).toHaveLength(routes.length);
    const authorizers = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer')
      .map(([id]) => id);
    const officials = authorizers.find((id) => !id.includes('ResidentJwt'));
    // aws: residents have their own pool and authorizer (issue #19, finding 10); on-prem one issuer serves all.
    const residents = target === 'aws' ? authorizers.find((id) => id.includes('ResidentJwt')) : officials;
    expect(officials).toBeDefined();
    expect(residents).toBeDefined();
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
        expect(passed).toContainEqual({ Ref: isResidentRoute(route.access) ? residents : officials });
      }
      const integrationId = (apiRoute!.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      const integration = resources[integrationId.Ref]!;
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
      // The route integrates the function's live alias (issue #19: canary deployments), never $LATEST.
      const alias = resources[integration.Properties.IntegrationUri.Ref as string]!;
      expect(alias.Type).toBe('AWS::Lambda::Alias');
      expect(alias.Properties.FunctionName).toEqual({ Ref: routeFunction(synth(), route.id).logicalId });
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

  it('builds each unsharded queue with its dead-letter queue in the data stack, retained, with redrive and partial batch responses', () => {
    const resources = resourcesOf(synth(), 'data');
    const api = resourcesOf(synth(), 'api');
    expect(unshardedQueues.length).toBeGreaterThan(0);
    for (const key of unshardedQueues) {
      const declaration = queues[key];
      const sqs = ofConstruct(resources, queueConstructId(key), 'AWS::SQS::Queue');
      const [mainId, main] = sqs.find(([, q]) => q.Properties.RedrivePolicy)!;
      const [dlqId, dlq] = sqs.find(([, q]) => !q.Properties.RedrivePolicy)!;
      expect(main.Properties.FifoQueue).toBe(declaration.fifo ? true : undefined);
      expect(dlq.Properties.FifoQueue).toBe(declaration.fifo ? true : undefined);
      expect(main.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
        maxReceiveCount: deliveryPlans[key].maxReceiveCount,
      });
      expect(main.Properties.VisibilityTimeout).toBe(declaration.visibilityTimeoutSeconds);
      for (const q of [main, dlq]) {
        expect(q.Properties.SqsManagedSseEnabled).toBe(true);
        expect(q).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
      const consumer = ofConstruct(api, consumerFunctionId(key), 'AWS::Lambda::Function')[0]!;
      expect(consumer[1].Properties.Timeout * 6).toBeLessThanOrEqual(declaration.visibilityTimeoutSeconds);
      synth().apiTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        // The queue is in the data stack: its ARN arrives as that stack's export of the queue's Arn.
        EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp(`FnGetAtt${mainId}Arn`) },
        FunctionName: Match.anyValue(),
        BatchSize: declaration.consumer.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      // The mapping invokes the consumer's live alias (issue #19: canary deployments), never $LATEST.
      const mapping = Object.values(api).find(
        (r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes(`FnGetAtt${mainId}Arn`),
      )!;
      expect(JSON.stringify(mapping.Properties.FunctionName)).toMatch(new RegExp(`"${consumerFunctionId(key)}RolloutLive\\w*".*:live`));
      // TLS only, on both queues.
      for (const queueId of [mainId, dlqId]) {
        synth().dataTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    }
  });

  it('alarms as soon as a message reaches a dead-letter queue and when a consumer throws', () => {
    const resources = resourcesOf(synth(), 'api');
    for (const key of Object.keys(queues) as QueueKey[]) {
      const [consumerId] = ofConstruct(resources, consumerFunctionId(key), 'AWS::Lambda::Function')[0]!;
      synth().apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Dimensions: Match.arrayWith([{ Name: 'FunctionName', Value: { Ref: consumerId } }]),
        Threshold: 1,
      });
    }
    for (const key of unshardedQueues) {
      const [dlqId] = ofConstruct(resourcesOf(synth(), 'data'), queueConstructId(key), 'AWS::SQS::Queue').find(
        ([, q]) => !q.Properties.RedrivePolicy,
      )!;
      synth().dataTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('alarms on every declared business metric: a reconciliation difference, an archive conflict, a failed closing', () => {
    for (const declaration of businessAlarms) {
      synth().apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: declaration.namespace,
        MetricName: declaration.metric,
        // The CDK writes dimensions sorted by name.
        Dimensions: Object.entries(declaration.dimensions)
          .map(([Name, Value]) => ({ Name, Value }))
          .sort((a, b) => a.Name.localeCompare(b.Name)),
        Threshold: declaration.threshold ?? 0,
        ComparisonOperator: declaration.breachesWhen === 'below' ? 'LessThanThreshold' : 'GreaterThanThreshold',
      });
    }
    expect(businessAlarms.map((d) => d.metric)).toEqual(expect.arrayContaining(['ReconciliationDifferences', 'ArchiveConflicts']));
  });

  it('keeps the table on demand with point-in-time recovery, deletion protection, encryption and gsi1', () => {
    const [index] = table.globalIndexes;
    // On AWS a global table (its safeguards per replica), so a standby replica needs no replacement (issue #19).
    const type = target === 'aws' ? 'AWS::DynamoDB::GlobalTable' : 'AWS::DynamoDB::Table';
    const safeguards = { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true };
    synth().dataTemplate.hasResourceProperties(type, {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      ...(target === 'aws' ? { Replicas: [Match.objectLike(safeguards)] } : safeguards),
      SSESpecification: Match.objectLike({ SSEEnabled: true }),
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
    synth().dataTemplate.hasResource(type, { DeletionPolicy: 'Retain' });
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

  it('deletes table items only where the permission table says (draft lines, outbox markers, a refused closing) and writes the archive only from the settlement consumer', () => {
    const resources = resourcesOf(synth(), 'api');
    const roles = Object.keys(resources).filter((id) => resources[id]!.Type === 'AWS::IAM::Role');
    // Each role's actions once: allowedActions scans every policy of the stacks.
    const actionsOf = new Map(roles.map((roleId) => [roleId, allowedActions(resources, roleId).actions]));
    const holders = (action: string) => roles.filter((roleId) => actionsOf.get(roleId)!.has(action)).sort();
    for (const roleId of roles) {
      for (const action of actionsOf.get(roleId)!) {
        expect(action, roleId).not.toMatch(/^s3:Delete|^s3:PutObjectLegalHold$|^s3:BypassGovernanceRetention$|\*/);
      }
    }
    const [settlementConsumer] = ofConstruct(resources, consumerFunctionId('settlement'), 'AWS::IAM::Role')[0]!;
    const deleters = [
      ...routes.filter((route) => routePermissions(route).deletesItems).map((route) => routeFunction(synth(), route.id).roleLogicalId),
      ...schedules
        .filter((schedule) => schedulePermissions(schedule).deletesItems)
        .map((schedule) => ofConstruct(resources, jobFunctionId(schedule.name), 'AWS::IAM::Role')[0]![0]),
      settlementConsumer,
    ];
    expect(deleters.length).toBeGreaterThan(2);
    expect(holders('dynamodb:DeleteItem')).toEqual(deleters.sort());
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
      // The schedule invokes the job's live alias (issue #19: canary deployments), never $LATEST.
      const scheduled = Object.values(resources).filter(
        (r) => r.Type === 'AWS::Scheduler::Schedule' && resources[r.Properties.Target.Arn.Ref]?.Properties.FunctionName?.Ref === jobId,
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

  it('stays well under the CloudFormation limits in every stack, nested ones included: 500 resources, 200 outputs and parameters', () => {
    const templates = [synth().dataTemplate, synth().apiTemplate, ...synth().nestedTemplates, ...synth().dataNestedTemplates];
    for (const template of templates) {
      const json = template.toJSON();
      expect(Object.keys(json.Resources).length).toBeLessThan(350);
      expect(Object.keys(json.Outputs ?? {}).length).toBeLessThan(60);
      expect(Object.keys(json.Parameters ?? {}).length).toBeLessThan(60);
    }
    const perDomain = new Map<string, number>();
    for (const route of routes) perDomain.set(route.handler.split('/')[0]!, (perDomain.get(route.handler.split('/')[0]!) ?? 0) + 1);
    const routeGroups = [...perDomain.values()].reduce((sum, count) => sum + Math.ceil(count / routesPerNestedStack), 0);
    const shardGroups = Math.ceil(postingsShards / shardsPerNestedStack);
    expect(synth().nestedTemplates).toHaveLength(routeGroups + shardGroups);
    expect(synth().dataNestedTemplates).toHaveLength(shardGroups);
  });

  it('keeps one FIFO queue and one FIFO dead-letter queue per postings shard in the data stack, named, retained and redriven', () => {
    const sqs = Object.entries(resourcesOf(synth(), 'data')).filter(
      ([, r]) => r.Type === 'AWS::SQS::Queue' && String(r.Properties.QueueName).startsWith('hojo-postings'),
    );
    const main = sqs.filter(([, q]) => q.Properties.RedrivePolicy);
    const dlqs = new Map(sqs.filter(([, q]) => !q.Properties.RedrivePolicy));
    expect(main).toHaveLength(postingsShards);
    expect(dlqs.size).toBe(postingsShards);
    const names = main.map(([, q]) => q.Properties.QueueName as string).sort();
    expect(names).toEqual(Array.from({ length: postingsShards }, (_, shard) => shardName(postings.name, shard)));
    for (const [, queue] of main) {
      const shard = Number(/-(\d{3})\.fifo$/.exec(queue.Properties.QueueName)![1]);
      expect(queue.Properties).toMatchObject({
        FifoQueue: true,
        SqsManagedSseEnabled: true,
        VisibilityTimeout: postings.visibilityTimeoutSeconds,
        DeduplicationScope: 'messageGroup',
        FifoThroughputLimit: 'perMessageGroupId',
      });
      const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
      expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(deliveryPlans.postings.maxReceiveCount);
      expect(dlqs.get(dlqId)?.Properties).toMatchObject({ FifoQueue: true, QueueName: shardName(postings.deadLetterQueueName, shard) });
    }
    for (const [, queue] of sqs) {
      expect(queue).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    // TLS only on every queue of the family, and nothing of it left in the API stack.
    const tlsOnly = Object.values(resourcesOf(synth(), 'data')).filter(
      (r) => r.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(r.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
    );
    expect(tlsOnly).toHaveLength(2 * (postingsShards + unshardedQueues.length));
    expect(JSON.stringify(synth().apiTemplate.toJSON())).not.toContain('"QueueName":"hojo-postings');
  });

  it('alarms on the depth of every postings dead-letter queue, one alarm per shard naming its government', () => {
    const resources = resourcesOf(synth(), 'data');
    const alarms = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        r.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        String(resources[r.Properties.Dimensions[0].Value['Fn::GetAtt']?.[0]]?.Properties.QueueName).startsWith('hojo-postings'),
    );
    expect(alarms).toHaveLength(postingsShards);
    const watched = alarms.map((a) => {
      expect(a.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      return resources[a.Properties.Dimensions[0].Value['Fn::GetAtt'][0]]!.Properties.QueueName as string;
    });
    expect(watched.sort()).toEqual(Array.from({ length: postingsShards }, (_, shard) => shardName(postings.deadLetterQueueName, shard)));
    expect(alarms.map((a) => a.Properties.AlarmDescription)).toContainEqual(expect.stringContaining('Shard 001: 11110'));
  });

  it('consumes every shard with its own event source mapping: MaximumConcurrency, partial batch responses, one consumer', () => {
    const resources = resourcesOf(synth(), 'api');
    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    const shardMappings = mappings.filter((m) => JSON.stringify(m.Properties.EventSourceArn).includes('hojo-postings-'));
    expect(shardMappings).toHaveLength(postingsShards);
    const sources = shardMappings.map((m) => (m.Properties.EventSourceArn['Fn::Join'][1] as unknown[]).at(-1) as string).sort();
    expect(sources).toEqual(Array.from({ length: postingsShards }, (_, shard) => `:${shardName(postings.name, shard)}`));
    const [, consumer] = ofConstruct(resources, consumerFunctionId('postings'), 'AWS::Lambda::Function')[0]!;
    for (const mapping of shardMappings) {
      expect(mapping.Properties).toMatchObject({
        BatchSize: postings.consumer.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: postings.shards.maximumConcurrencyPerShard },
      });
      expect(mapping.Properties.ScalingConfig.MaximumConcurrency).toBeGreaterThanOrEqual(2);
      // The mapping sits in a nested stack: the consumer's live alias (issue #19: canary deployments)
      // arrives as a parameter the API stack sets to it, and the mapping names it `…:live`.
      const functionName = JSON.stringify(mapping.Properties.FunctionName);
      expect(functionName).toContain(':live');
      const parameters = [...functionName.matchAll(/"Ref":"([^"]+)"/g)].map((m) => m[1] as string);
      const passed = Object.values(resources)
        .filter((r) => r.Type === 'AWS::CloudFormation::Stack')
        .flatMap((r) => parameters.map((parameter) => r.Properties.Parameters?.[parameter]))
        .filter(Boolean);
      expect(passed.length).toBeGreaterThan(0);
      for (const value of passed) expect(JSON.stringify(value)).toContain(`${consumerFunctionId('postings')}RolloutLive`);
    }
    // Every shard at its MaximumConcurrency at once fits the reservation, which leaves 100 of the default 1000 unreserved.
    const reserved = consumer.Properties.ReservedConcurrentExecutions as number;
    expect(reserved).toBeGreaterThanOrEqual(postingsShards * postings.shards.maximumConcurrencyPerShard);
    expect(reserved).toBeLessThanOrEqual(1000 - 100);
  });

  it('scopes IAM on the postings family to one name pattern that matches the shards and not their dead-letter queues', () => {
    const resources = resourcesOf(synth(), 'api');
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const onFamily = statements.filter((s) => JSON.stringify(s.Resource).includes('hojo-postings'));
    expect(onFamily.length).toBeGreaterThan(0);
    const named = new Set(onFamily.flatMap((s) => JSON.stringify(s.Resource).match(/hojo-postings[^"]*/g) ?? []));
    expect([...named]).toEqual(['hojo-postings-???.fifo']);
    const pattern = new RegExp(`^${'hojo-postings-???.fifo'.replace(/\./g, '\\.').replace(/\?/g, '.')}$`);
    expect(pattern.test(shardName(postings.name, 242))).toBe(true);
    expect(pattern.test(shardName(postings.deadLetterQueueName, 7))).toBe(false);
    const consumerRole = ofConstruct(resources, consumerFunctionId('postings'), 'AWS::IAM::Role')[0]![0];
    const { actions } = allowedActions(resources, consumerRole);
    expect(actions).toEqual(
      new Set([
        ...consumeActions,
        ...tableReadActions,
        ...tableWriteActions,
        // the document ledger's index items, written after the transaction (#21)
        'dynamodb:BatchWriteItem',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        ...(target === 'aws' ? ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] : []),
      ]),
    );
    for (const s of onFamily) {
      const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
      expect(actions.every((a) => [...consumeActions, ...queueSendActions].includes(a as never))).toBe(true);
    }
  });

  it("tells the senders the family's URL template, imported from the data stack, and its shard count", () => {
    const resources = resourcesOf(synth(), 'api');
    const sender = routes.find((r) => routePermissions(r).sendTo.includes('postings'))!;
    const { properties } = routeFunction(synth(), sender.id);
    expect(properties.Environment.Variables[postings.env]).toEqual({ 'Fn::ImportValue': 'HojoData-PostingsQueueUrlTemplate' });
    expect(properties.Environment.Variables[postings.shards.countEnv]).toBe(String(postingsShards));
    const output = synth().dataTemplate.toJSON().Outputs.PostingsQueueUrlTemplate;
    expect(output.Export).toEqual({ Name: 'HojoData-PostingsQueueUrlTemplate' });
    expect(JSON.stringify(output.Value)).toContain(`"${shardName(postings.name, SHARD_PLACEHOLDER)}"`);
    expect(Object.values(resources).some((r) => r.Type === 'AWS::SQS::Queue' && JSON.stringify(r).includes('hojo-postings'))).toBe(false);
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
    const client = Object.values(resourcesOf(aws, 'data')).find(
      (r) => r.Type === 'AWS::Cognito::UserPoolClient' && r.Properties.ReadAttributes,
    )!;
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
        Audience: Match.arrayWith([{ 'Fn::ImportValue': Match.stringLikeRegexp('IdentityUserPoolApiClient') }]),
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

  it('has no CloudFront or WAF stack (the platform fronts the API)', () => {
    expect(onprem.edge).toBeUndefined();
    expect(onprem.app.node.children.map((c) => c.node.id).filter((id) => id.startsWith('Hojo'))).toEqual(['HojoData', 'HojoApi']);
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
