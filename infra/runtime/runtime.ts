import type { Route } from '#shared/http/route.ts';
import { routes as allRoutes } from '#shared/routes/index.ts';
import { queues } from '#shared/resources.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';
import type { QueueDeclaration, QueueKey } from '#shared/resources.ts';
import { schedules as allSchedules, scheduleTimeZone } from '#shared/schedules.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { checkObjectLock, describeWarning } from '#shared/platform/object-lock-check.ts';
import type { HealthWarning } from '#shared/platform/object-lock-check.ts';
import { runtimeAuth } from '#infra/runtime/auth-config.ts';
import type { RuntimeAuth } from '#infra/runtime/auth-config.ts';
import { createHttpServer, listen } from '#infra/runtime/http-server.ts';
import type { HttpTimeouts } from '#infra/runtime/http-timeouts.ts';
import { createQueuePoller } from '#infra/runtime/queue-poller.ts';
import type { QueuePoller } from '#infra/runtime/queue-poller.ts';
import { runtimeLogger } from '#infra/runtime/runtime-logger.ts';
import { startScheduler } from '#infra/runtime/scheduler.ts';
import type { Scheduler } from '#infra/runtime/scheduler.ts';
import { createWriteGate } from '#infra/runtime/write-gate.ts';
import type { ArchiveProxy } from '#infra/runtime/archive-proxy.ts';
import { isLoopbackHost } from '#infra/runtime/loopback.ts';
import { createConsoleSite } from '#infra/runtime/console-site.ts';
import { runtimeConsoleConfig } from '#infra/runtime/console-config.ts';
import { createDevSignIn } from '#infra/runtime/jwt/dev-sign-in.ts';

export interface QueueBinding {
  readonly queueUrl: string;
  /** Every shard of a sharded family (one receiver each, one worker pool); `queueUrl` alone otherwise. */
  readonly queueUrls?: readonly string[];
  readonly declaration: QueueDeclaration;
  /** Consumer module override (tests); the declaration's consumer otherwise. */
  readonly handler?: string;
}

export interface RuntimeOptions {
  readonly port?: number;
  readonly host?: string;
  /** Head, request and keep-alive timeouts of the API's connections; 10 s, 60 s and 5 s unless given. */
  readonly httpTimeouts?: HttpTimeouts;
  /** Where the dev issuer keeps its key; in memory when omitted. */
  readonly dataDir?: string;
  readonly routes?: readonly Route[];
  /** Queues to poll; every declared queue (URL from its env variable) unless given. */
  readonly queues?: readonly QueueBinding[];
  readonly schedules?: readonly ScheduleDeclaration[];
  readonly pollQueues?: boolean;
  readonly runSchedules?: boolean;
  readonly waitTimeSeconds?: number;
  readonly concurrency?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Check the archive bucket's Object Lock at start (default true; /health/dependencies checks on each request). */
  readonly checkObjectLock?: boolean;
  /** Serve the web console under /console/ (default true; built on its first request). */
  readonly console?: boolean;
  /**
   * Serve the API on `port` (default true). The primary of a clustered runtime (api-cluster.ts)
   * runs the pollers and schedules only; its workers serve the API.
   */
  readonly serveApi?: boolean;
}

export interface Runtime {
  /** The API's base URL; empty when the runtime serves no API (`serveApi: false`). */
  readonly url: string;
  /** HTTP requests this runtime's API has received (a clustered runtime's workers report theirs). */
  requestsServed(): number;
  readonly auth: RuntimeAuth;
  readonly pollers: ReadonlyMap<string, QueuePoller>;
  readonly scheduler: Scheduler;
  /** What the start-up check of the archive bucket found missing (Object Lock, versioning); empty when all is set. */
  readonly objectLockWarnings: Promise<readonly HealthWarning[]>;
  /**
   * Brings the runtime to rest for a backup: state-changing API requests are held (reads go on),
   * queue consumers stop receiving, due schedules wait; resolves once everything in flight has
   * finished. The returned function resumes all three.
   */
  quiesce(): Promise<() => void>;
  /** Stops taking requests and messages, finishes what is in flight. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The local runtime (and the self-hosted on-prem mode): the API on a port, a poller per queue
 * (a sharded family: one receiver per shard sharing a round-robin worker pool),
 * the schedules. It reaches resources through the environment (TABLE_NAME, queue URLs,
 * AWS_ENDPOINT_URL_*), whether they belong to the embedded stack or to external services.
 */
export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const env = options.env ?? process.env;
  const issuerProblem = developmentIssuerRefusal(env, options.host ?? '127.0.0.1');
  if (issuerProblem) throw new Error(issuerProblem);
  const auth = await runtimeAuth(env, options.dataDir);
  const bindings = (options.pollQueues ?? true) ? (options.queues ?? declaredQueues(env)) : [];
  const scheduler = startScheduler((options.runSchedules ?? true) ? (options.schedules ?? allSchedules) : [], scheduleTimeZone);
  // GET /health/dependencies checks again on each request (shared/platform/dependency-report.ts).
  const objectLockWarnings = (options.checkObjectLock ?? true) ? checkObjectLock().catch(() => []) : Promise.resolve([]);
  void objectLockWarnings.then((warnings) => {
    for (const warning of warnings) runtimeLogger.warn(`write-once archive not guaranteed: ${describeWarning(warning)}`, { ...warning });
  });
  const writeGate = createWriteGate();
  const archiveProxy = archiveProxyFor(env, options.host ?? '127.0.0.1');
  const archivePassThrough = archiveProxy ? undefined : loopbackArchiveEngine(env);
  const consoleConfig = runtimeConsoleConfig(env, auth, archiveProxy ?? archivePassThrough);
  const serveApi = options.serveApi ?? true;
  const server = createHttpServer({
    writeGate,
    ...(archiveProxy ? { archiveProxy } : {}),
    ...(archivePassThrough ? { archivePassThrough } : {}),
    ...((options.console ?? true) ? { consoleSite: createConsoleSite(consoleConfig) } : {}),
    ...(auth.devIssuer ? { devSignIn: createDevSignIn(auth.devIssuer) } : {}),
    routes: options.routes ?? allRoutes,
    verifyToken: auth.verifyToken,
    ...(auth.jwks ? { jwks: auth.jwks } : {}),
    ...(options.httpTimeouts ? { timeouts: options.httpTimeouts } : {}),
  });
  let served = 0;
  server.on('request', () => {
    served += 1;
  });
  const http = serveApi
    ? await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1').catch(async (error: unknown) => {
        await scheduler.stop();
        throw error;
      })
    : undefined;

  const pollers = new Map<string, QueuePoller>();
  for (const binding of bindings) {
    const poller = createQueuePoller({
      ...(binding.queueUrls && binding.queueUrls.length > 1
        ? { queueUrls: binding.queueUrls }
        : { queueUrl: binding.queueUrls?.[0] ?? binding.queueUrl }),
      declaration: binding.declaration,
      ...(binding.handler ? { handler: binding.handler } : {}),
      ...(options.waitTimeSeconds === undefined ? {} : { waitTimeSeconds: options.waitTimeSeconds }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    });
    poller.start();
    pollers.set(binding.declaration.name, poller);
  }

  let stopping: Promise<void> | undefined;
  return {
    url: http?.url ?? '',
    requestsServed: () => served,
    auth,
    pollers,
    scheduler,
    objectLockWarnings,
    async quiesce() {
      await Promise.all([writeGate.close(), scheduler.pause(), ...[...pollers.values()].map((poller) => poller.stop())]);
      return () => {
        for (const poller of pollers.values()) poller.start();
        scheduler.resume();
        writeGate.open();
      };
    },
    stop() {
      writeGate.open();
      scheduler.resume();
      stopping ??= Promise.all([http?.close(), ...[...pollers.values()].map((poller) => poller.stop()), scheduler.stop()]).then(
        () => undefined,
      );
      return stopping;
    },
  };
}

/**
 * Downloads go through the runtime when its API is on a network but the S3 endpoint the presigned
 * URLs name is on loopback (the embedded engines): a client could not reach that address.
 */
export function archiveProxyFor(env: NodeJS.ProcessEnv, host: string): ArchiveProxy | undefined {
  return isLoopbackHost(host) ? undefined : loopbackArchiveEngine(env);
}

/** The S3 engine when it listens on loopback (the embedded one): the console fetches archives from it through `/_archive/`. */
function loopbackArchiveEngine(env: NodeJS.ProcessEnv): ArchiveProxy | undefined {
  const engine = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  return engine && isLoopbackHost(new URL(engine).hostname) ? { engine } : undefined;
}

export { isLoopbackHost };

/**
 * The development issuer signs any token for anyone who can reach its key directory: it is for a
 * developer's machine only. On a network (HOJO_EXTERNAL_ENDPOINTS=1, or an API bound to a
 * non-loopback interface) the runtime refuses to start without an external issuer. Returns the
 * reason to refuse, or undefined.
 */
export function developmentIssuerRefusal(env: NodeJS.ProcessEnv, host: string): string | undefined {
  if (env.HOJO_JWKS_URL) return undefined;
  const reasons = [
    ...(env.HOJO_EXTERNAL_ENDPOINTS === '1' ? ['HOJO_EXTERNAL_ENDPOINTS=1'] : []),
    ...(isLoopbackHost(host) ? [] : [`--host ${host} (not loopback)`]),
  ];
  if (reasons.length === 0) return undefined;
  return (
    `refusing to start with the development issuer on a network (${reasons.join(', ')}): ` +
    'set HOJO_JWKS_URL, HOJO_JWT_ISSUER and HOJO_JWT_AUDIENCE to your identity provider'
  );
}

function declaredQueues(env: NodeJS.ProcessEnv): QueueBinding[] {
  return (Object.keys(queues) as QueueKey[]).map((key) => {
    const declaration: QueueDeclaration = queues[key];
    const queueUrl = env[declaration.env];
    if (!queueUrl) throw new Error(`environment variable ${declaration.env} (queue ${key}) is not set`);
    if (!declaration.shards) return { queueUrl, declaration };
    const queueUrls = shardUrls(declaration, queueUrl, env);
    return { queueUrl: queueUrls[0] ?? queueUrl, queueUrls, declaration };
  });
}
