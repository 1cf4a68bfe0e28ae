/**
 * CodeDeploy's BeforeAllowTraffic hook of the `live` aliases (issue #19, finding 9): before any
 * traffic shifts, the new version is invoked once with a synthetic request that changes nothing,
 * and the deployment fails (CodeDeploy rolls the alias back) when the invocation errs or answers 5xx.
 * That catches a version that cannot start: a broken bundle, a missing variable, a secret or grant
 * it cannot read.
 *
 * - `route`: an HTTP API v2 request without origin header or token. On aws every route function
 *   refuses it with 403 `origin-not-verified` after reading the origin secret (shared/middleware/
 *   verify-origin.ts); it never reaches a handler.
 * - `consumer`: an SQS batch of no records; both consumers apply nothing and return no failures.
 * Scheduled jobs get no hook: invoking a closing or a sweep is never harmless.
 *
 * The SDK clients come from the Lambda runtime (the bundles leave the AWS SDK out, and this project
 * installs no CodeDeploy or Lambda client), hence the small ports below, which the tests fake.
 */

export type SmokeKind = 'route' | 'consumer';
export const smokeKindEnv = 'HOJO_SMOKE_KIND';

export interface HookEvent {
  readonly DeploymentId: string;
  readonly LifecycleEventHookExecutionId: string;
}

export interface HookPorts {
  /** The deployment's AppSpec (GetDeployment → deploymentInfo.revision.appSpecContent.content). */
  appSpecOf(deploymentId: string): Promise<string>;
  /** Invokes the function at a version; the raw payload and Lambda's FunctionError, if any. */
  invoke(functionName: string, version: string, payload: string): Promise<{ functionError?: string; payload: string }>;
  report(event: HookEvent, status: 'Succeeded' | 'Failed'): Promise<void>;
  log(message: string, detail: Record<string, unknown>): void;
}

/** The synthetic, harmless request of each kind. */
export function smokeEvent(kind: SmokeKind): unknown {
  if (kind === 'consumer') return { Records: [] };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: { 'user-agent': 'hojo-pre-traffic-smoke-test' },
    requestContext: {
      http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'hojo-pre-traffic-smoke-test' },
      requestId: 'pre-traffic-smoke-test',
      routeKey: '$default',
      stage: '$default',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

/** The function and the version the deployment shifts to, from a Lambda AppSpec (JSON or YAML). */
export function targetOf(appSpec: string): { name: string; version: string } {
  let name: unknown;
  let version: unknown;
  try {
    const spec = JSON.parse(appSpec) as { Resources?: Record<string, { Properties?: { Name?: unknown; TargetVersion?: unknown } }>[] };
    const properties = Object.values(spec.Resources?.[0] ?? {})[0]?.Properties;
    name = properties?.Name;
    version = properties?.TargetVersion;
  } catch {
    name = /\bName:\s*["']?([^"'\s]+)/.exec(appSpec)?.[1];
    version = /\bTargetVersion:\s*["']?([^"'\s]+)/.exec(appSpec)?.[1];
  }
  if (typeof name !== 'string' || (typeof version !== 'string' && typeof version !== 'number')) {
    throw new Error('the AppSpec names no function and target version');
  }
  return { name, version: String(version) };
}

/** Why an answer fails the smoke test, or undefined when it passes. */
export function failureOf(kind: SmokeKind, answer: { functionError?: string; payload: string }): string | undefined {
  if (answer.functionError) return `the invocation failed (${answer.functionError})`;
  let body: { statusCode?: unknown; batchItemFailures?: unknown } | undefined;
  try {
    body = JSON.parse(answer.payload) as typeof body;
  } catch {
    return 'the answer is not JSON';
  }
  if (kind === 'route') {
    return typeof body?.statusCode === 'number' && body.statusCode < 500 ? undefined : `the route answered ${String(body?.statusCode)}`;
  }
  return Array.isArray(body?.batchItemFailures) && body.batchItemFailures.length === 0
    ? undefined
    : 'the consumer reported failures for an empty batch';
}

/** Runs the smoke test and reports the outcome to CodeDeploy (a thrown error counts as a failure). */
export async function runSmokeTest(kind: SmokeKind, event: HookEvent, ports: HookPorts): Promise<'Succeeded' | 'Failed'> {
  let status: 'Succeeded' | 'Failed' = 'Failed';
  try {
    const target = targetOf(await ports.appSpecOf(event.DeploymentId));
    const failure = failureOf(kind, await ports.invoke(target.name, target.version, JSON.stringify(smokeEvent(kind))));
    status = failure ? 'Failed' : 'Succeeded';
    ports.log(failure ? 'smoke test failed' : 'smoke test passed', { ...target, kind, failure });
  } catch (error) {
    ports.log('smoke test could not run', { kind, error: (error as Error).message });
  }
  await ports.report(event, status);
  return status;
}

/** The runtime's SDK v3, loaded by name so that neither the bundle nor the type check needs it. */
const runtimeSdk = (name: string): Promise<any> => import(name);

export const handler = async (event: HookEvent): Promise<void> => {
  const kind = process.env[smokeKindEnv] === 'consumer' ? 'consumer' : 'route';
  const deploy = await runtimeSdk('@aws-sdk/client-codedeploy');
  const lambda = await runtimeSdk('@aws-sdk/client-lambda');
  const codedeploy = new deploy.CodeDeployClient({});
  const functions = new lambda.LambdaClient({});
  await runSmokeTest(kind, event, {
    appSpecOf: async (deploymentId) => {
      const answer = await codedeploy.send(new deploy.GetDeploymentCommand({ deploymentId }));
      return String(answer.deploymentInfo?.revision?.appSpecContent?.content ?? '');
    },
    invoke: async (functionName, version, payload) => {
      const answer = await functions.send(
        new lambda.InvokeCommand({ FunctionName: functionName, Qualifier: version, Payload: new TextEncoder().encode(payload) }),
      );
      return { functionError: answer.FunctionError, payload: new TextDecoder().decode(answer.Payload ?? new Uint8Array()) };
    },
    report: async (hook, status) => {
      await codedeploy.send(
        new deploy.PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: hook.DeploymentId,
          lifecycleEventHookExecutionId: hook.LifecycleEventHookExecutionId,
          status,
        }),
      );
    },
    log: (message, detail) => console.log(JSON.stringify({ message, ...detail })),
  });
};
