/**
 * The two functions the deployment itself runs (issue #19): CodeDeploy's pre-traffic smoke test of
 * every new route and consumer version (finding 9), and the monthly rotation of the CloudFront
 * origin secret (finding 7). Their AWS calls go through ports, faked here; the smoke requests are
 * sent to the real handlers to show they are harmless. The templates are asserted in production.test.ts.
 */
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { failureOf, runSmokeTest, smokeEvent, targetOf } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';
import type { HookPorts } from '#infra/cdk/hooks/pre-traffic-smoke-test.ts';
import { headerValuesOf, rotate, withOriginHeader } from '#infra/cdk/hooks/rotate-origin-secret.ts';
import type { RotationEvent, RotationPorts } from '#infra/cdk/hooks/rotate-origin-secret.ts';

const appSpec = JSON.stringify({
  version: 0.0,
  Resources: [
    {
      HojoApiRoute: {
        Type: 'AWS::Lambda::Function',
        Properties: { Name: 'HojoApi-Budget-CreateVersionFunction-AbC', Alias: 'live', CurrentVersion: '6', TargetVersion: '7' },
      },
    },
  ],
});

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const handlerOf = async (path: string): Promise<Handler> => {
  const file = fileURLToPath(new URL(`../../functions/${path}.ts`, import.meta.url));
  return ((await import(/* @vite-ignore */ file)) as { handler: Handler }).handler;
};
const context = { functionName: 'smoke', awsRequestId: 'smoke', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

function hookPorts(answer: { functionError?: string; payload: string }): HookPorts & { reported: string[]; invoked: string[] } {
  const reported: string[] = [];
  const invoked: string[] = [];
  return {
    reported,
    invoked,
    appSpecOf: async (id) => (id === 'd-1' ? appSpec : 'nonsense'),
    invoke: async (name, version, payload) => {
      invoked.push(`${name}:${version} ${payload}`);
      return answer;
    },
    report: async (event, status) => {
      reported.push(`${event.DeploymentId}/${event.LifecycleEventHookExecutionId} ${status}`);
    },
    log: () => undefined,
  };
}

describe('the pre-traffic smoke test', () => {
  it('reads the function and target version from the AppSpec, JSON or YAML', () => {
    expect(targetOf(appSpec)).toEqual({ name: 'HojoApi-Budget-CreateVersionFunction-AbC', version: '7' });
    const yaml =
      'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: "fn-a"\n        Alias: "live"\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';
    expect(targetOf(yaml)).toEqual({ name: 'fn-a', version: '2' });
    expect(() => targetOf('{}')).toThrow(/names no function/);
  });

  it('invokes the target version once and reports Succeeded when a route answers below 500', async () => {
    const ports = hookPorts({ payload: JSON.stringify({ statusCode: 403, body: '{}' }) });
    expect(await runSmokeTest('route', { DeploymentId: 'd-1', LifecycleEventHookExecutionId: 'h-1' }, ports)).toBe('Succeeded');
    expect(ports.invoked).toEqual([`HojoApi-Budget-CreateVersionFunction-AbC:7 ${JSON.stringify(smokeEvent('route'))}`]);
    expect(ports.reported).toEqual(['d-1/h-1 Succeeded']);
  });

  it('reports Failed on a 5xx, a function error, a consumer failure, or when it cannot run at all', async () => {
    const event = { DeploymentId: 'd-1', LifecycleEventHookExecutionId: 'h-2' };
    expect(await runSmokeTest('route', event, hookPorts({ payload: JSON.stringify({ statusCode: 500 }) }))).toBe('Failed');
    expect(await runSmokeTest('route', event, hookPorts({ functionError: 'Unhandled', payload: '{"errorMessage":"x"}' }))).toBe('Failed');
    expect(await runSmokeTest('consumer', event, hookPorts({ payload: '{"batchItemFailures":[{"itemIdentifier":"m"}]}' }))).toBe('Failed');
    expect(await runSmokeTest('consumer', event, hookPorts({ payload: '{"batchItemFailures":[]}' }))).toBe('Succeeded');
    const broken = hookPorts({ payload: '{}' });
    expect(await runSmokeTest('route', { DeploymentId: 'd-unknown', LifecycleEventHookExecutionId: 'h-3' }, broken)).toBe('Failed');
    expect(broken.invoked).toEqual([]);
    expect(broken.reported).toEqual(['d-unknown/h-3 Failed']);
    expect(failureOf('route', { payload: 'not json' })).toMatch(/not JSON/);
  });

  it('sends requests that change nothing: the real consumers apply an empty batch, the real routes refuse a request without token', async () => {
    for (const consumer of ['postings/apply-postings', 'settlement/run-closing']) {
      const answer = await (await handlerOf(consumer))(smokeEvent('consumer'), context);
      expect(failureOf('consumer', { payload: JSON.stringify(answer) }), consumer).toBeUndefined();
    }
    for (const route of ['expenditure/create-commitment', 'budget/list-lines', 'platform/health']) {
      const answer = (await (await handlerOf(route))(smokeEvent('route'), context)) as { statusCode: number };
      expect(failureOf('route', { payload: JSON.stringify(answer) }), route).toBeUndefined();
      if (route !== 'platform/health') expect(answer.statusCode, route).toBe(401);
    }
  });
});

describe('the rotation of the origin secret', () => {
  const header = 'x-hojo-origin-verify';
  const distribution = () => ({
    Comment: 'hojo',
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 'api', CustomHeaders: { Quantity: 1, Items: [{ HeaderName: header, HeaderValue: 'old' }] } },
        { Id: 'console', CustomHeaders: { Quantity: 0 } },
      ],
    },
  });

  function fakeSecrets(): RotationPorts & { versions: Record<string, string[]>; values: Record<string, string>; sent: string[] } {
    const versions: Record<string, string[]> = { v1: ['AWSCURRENT'], v2: ['AWSPENDING'] };
    const values: Record<string, string> = { v1: 'old' };
    let config = distribution();
    const sent: string[] = [];
    return {
      versions,
      values,
      sent,
      versionsOf: async () => versions,
      valueOf: async (_id, version) => values[version],
      putPending: async (_id, version, value) => {
        values[version] = value;
      },
      promote: async (_id, version, from) => {
        versions[from] = ['AWSPREVIOUS'];
        versions[version] = ['AWSCURRENT'];
      },
      originHeaderValues: async () => headerValuesOf(config, header),
      setOriginHeader: async (value) => {
        config = withOriginHeader(config, header, value);
        sent.push(value);
      },
    };
  }

  it('creates a new value, writes it into the distribution, checks it there, then makes it current', async () => {
    const secrets = fakeSecrets();
    const step = (Step: RotationEvent['Step']) =>
      rotate({ Step, SecretId: 'hojo/origin-verify', ClientRequestToken: 'v2' }, secrets, () => 'new');
    await step('createSecret');
    expect(secrets.values.v2).toBe('new');
    await step('createSecret'); // a retried step changes nothing
    expect(secrets.values.v2).toBe('new');
    await step('setSecret');
    expect(secrets.sent).toEqual(['new']);
    await step('testSecret');
    await step('finishSecret');
    expect(secrets.versions).toEqual({ v1: ['AWSPREVIOUS'], v2: ['AWSCURRENT'] });
    // Once current, every step is a no-op.
    await step('setSecret');
    expect(secrets.sent).toEqual(['new']);
  });

  it('fails the test step when the distribution does not send the new value, and refuses unknown versions', async () => {
    const secrets = fakeSecrets();
    await rotate({ Step: 'createSecret', SecretId: 's', ClientRequestToken: 'v2' }, secrets, () => 'new');
    await expect(rotate({ Step: 'testSecret', SecretId: 's', ClientRequestToken: 'v2' }, secrets)).rejects.toThrow(/does not send/);
    await expect(rotate({ Step: 'createSecret', SecretId: 's', ClientRequestToken: 'v9' }, secrets)).rejects.toThrow(/does not exist/);
  });

  it('replaces the header on the origins that carry it and leaves the rest of the configuration alone', () => {
    const updated = withOriginHeader(distribution(), header, 'new');
    expect(updated.Comment).toBe('hojo');
    expect(updated.Origins.Items[0]).toEqual({
      Id: 'api',
      CustomHeaders: { Quantity: 1, Items: [{ HeaderName: header, HeaderValue: 'new' }] },
    });
    expect(updated.Origins.Items[1]).toEqual(distribution().Origins.Items[1]);
    expect(() => withOriginHeader(distribution(), 'x-other', 'v')).toThrow(/no origin/);
  });
});
