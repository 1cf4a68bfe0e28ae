import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applyBucketSettings } from '#infra/embedded/provision-declared.ts';
import { startEmbeddedStack, seedRegistry } from '#infra/embedded/stack-manager.ts';
import { describeWarning } from '#shared/platform/object-lock-check.ts';
import type { EmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { clockOverride, describeClock, now } from '#shared/clock.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import { developmentIssuerRefusal, startRuntime } from '#infra/runtime/runtime.ts';
import { readRuntimeState, removeRuntimeState, writeRuntimeState } from '#infra/runtime/state-file.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { serveControl } from '#infra/cli/control-socket.ts';
import { writeSnapshot } from '#infra/embedded/backup/snapshot.ts';
import { startApiCluster } from '#infra/runtime/api-cluster.ts';
import type { ApiCluster } from '#infra/runtime/api-cluster.ts';

const USAGE = `npm start [-- --port 3000] [--host 127.0.0.1] [--data-dir .data] [--external [--seed-registry]] [--no-schedules] [--workers 1]

Starts the embedded AWS-compatible stack (data under .data/) and the local runtime: the API,
the queue consumers and the schedules. HOJO_CLOCK=<ISO date-time with offset> rehearses a moment
(the business clock starts there and runs on: postings, closings and schedules behave as on that day). With --external (or HOJO_EXTERNAL_ENDPOINTS=1) no engine is
started: the runtime uses the resources named by TABLE_NAME, POSTING_QUEUE_URL,
SETTLEMENT_QUEUE_URL, ARCHIVE_BUCKET and the endpoints in AWS_ENDPOINT_URL_* (the on-prem mode).
On a network (--external, or a --host that is not loopback) an external issuer is required:
HOJO_JWKS_URL, HOJO_JWT_ISSUER and HOJO_JWT_AUDIENCE; the development issuer is for one machine.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.HOJO_PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOJO_HOST ?? '127.0.0.1' },
    'data-dir': { type: 'string' },
    external: { type: 'boolean' },
    'seed-registry': { type: 'boolean' },
    'no-schedules': { type: 'boolean' },
    workers: { type: 'string', default: process.env.HOJO_API_WORKERS ?? '1' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

// An invalid HOJO_CLOCK stops the start here, before anything runs on a clock it cannot read.
if (clockOverride()) console.warn(`HOJO_CLOCK: the runtime runs on a ${describeClock()}; rules and schedules see that day`);

const started = performance.now();
const dataDir = values['data-dir'] ?? defaultDataDir();
const external = usesExternalEndpoints(values.external);
await mkdir(dataDir, { recursive: true, mode: 0o700 });

const already = await readRuntimeState(dataDir);
if (already) {
  console.error(`hojo is already running (pid ${already.pid}) at ${already.apiUrl} with data in ${dataDir}`);
  process.exit(1);
}

/** Before anything starts: no development issuer on a network (HOJO_EXTERNAL_ENDPOINTS=1 or a non-loopback --host). */
function refuseDevelopmentIssuerOnNetwork(): void {
  const problem = developmentIssuerRefusal({ ...process.env, ...(external ? { HOJO_EXTERNAL_ENDPOINTS: '1' } : {}) }, values.host);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}

const resourceVariables = new Set([table.env, ...Object.values(queues).map((q) => q.env), ...Object.values(buckets).map((b) => b.env)]);
let stack: EmbeddedStack | undefined;
if (external) {
  const missing = [...resourceVariables].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`--external needs ${missing.join(', ')} in the environment`);
    process.exit(1);
  }
  refuseDevelopmentIssuerOnNetwork();
  if (values['seed-registry']) await seedRegistry({});
} else {
  refuseDevelopmentIssuerOnNetwork();
  // The engines stay on the loopback interface whatever --host says: only the API is exposed.
  stack = await startEmbeddedStack({
    dataDir,
    ...(process.env.HOJO_DYNAMODB_PORT ? { dynamoPort: Number(process.env.HOJO_DYNAMODB_PORT) } : {}),
    ...(process.env.HOJO_AWS_PORT ? { awsPort: Number(process.env.HOJO_AWS_PORT) } : {}),
  });
  // The archive: versioned, Object Lock with the declared COMPLIANCE default retention.
  await applyBucketSettings(stack.endpoints).catch(async (error: unknown) => {
    await stack?.stop();
    throw error;
  });
}

const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1) {
  await stack?.stop();
  console.error(`--workers must be a whole number of at least 1 (got ${values.workers})`);
  process.exit(1);
}
// With several runtimes on one set of endpoints, schedules run on one of them (--no-schedules on the others).
// Clustered (--workers > 1), this process polls and schedules and its workers serve the API.
const runtime = await startRuntime({
  port: Number(values.port),
  host: values.host,
  dataDir,
  runSchedules: !values['no-schedules'],
  serveApi: workers === 1,
}).catch(async (error: unknown) => {
  await stack?.stop();
  throw error;
});
let apiCluster: ApiCluster | undefined;
if (workers > 1) {
  apiCluster = await startApiCluster({ workers, port: Number(values.port), host: values.host, dataDir }).catch(async (error: unknown) => {
    await runtime.stop();
    await stack?.stop();
    throw error;
  });
}
const apiUrl = apiCluster?.url ?? runtime.url;

// Resource names and endpoints only: credentials of an external deployment never go into the state file
// (the embedded stack's are dummies, and come with stack.env).
const resourceEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => resourceVariables.has(name) || /^AWS_(ENDPOINT_URL\w*|REGION|DEFAULT_REGION)$/.test(name)),
) as Record<string, string>;
await writeRuntimeState(dataDir, {
  pid: process.pid,
  apiUrl,
  startedAt: now().toISOString(),
  external,
  env: { ...resourceEnv, ...stack?.env },
});

// `npm run backup` asks this process for a snapshot read at rest (the runtime quiesced meanwhile).
const embedded = stack;
const control = embedded
  ? await serveControl(dataDir, {
      backup: (body) =>
        writeSnapshot(embedded, String(body.out), {
          quiesce: async () => {
            const resumes = await Promise.all([runtime.quiesce(), ...(apiCluster ? [apiCluster.quiesce()] : [])]);
            return () => {
              for (const resume of resumes) resume();
            };
          },
        }),
    })
  : undefined;

const upcoming = runtime.scheduler.upcoming();
const lockWarnings = await runtime.objectLockWarnings;
for (const warning of lockWarnings) {
  console.warn(`WARNING: archives may not be write-once here: ${describeWarning(warning)} (/health/dependencies reports degraded)`);
}
console.log(`hojo is running (ready in ${Math.round(performance.now() - started)} ms)

  API       ${apiUrl}${apiCluster ? ` (${workers} worker processes)` : ''}
  Docs      ${apiUrl}/docs
  OpenAPI   ${apiUrl}/openapi.json
  Health    ${apiUrl}/health
  Auth      ${runtime.auth.description}${runtime.auth.devIssuer ? `\n  Token     npm run token -- --role budget_officer --gov 11110` : ''}
  Data      ${external ? 'external endpoints' : dataDir}
  Clock     ${describeClock()}
  Queues    ${[...runtime.pollers.keys()].join(', ') || '(none)'}
  Schedules ${upcoming.map((s) => `${s.name} next ${s.at?.toISOString() ?? 'never'}`).join('; ') || '(none declared)'}

  Try: curl ${apiUrl}/governments/11110
Ctrl-C stops it.`);

let shuttingDown = false;
const shutdown = async (signal: string) => {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`\n${signal}: stopping (finishing requests and batches in flight)…`);
  try {
    await control?.close();
    await apiCluster?.stop();
    await runtime.stop();
    await stack?.stop();
    await removeRuntimeState(dataDir);
    console.log('stopped');
    process.exit(0);
  } catch (error) {
    console.error('shutdown failed', error);
    process.exit(1);
  }
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
