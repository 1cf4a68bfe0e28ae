/**
 * `node bench/profile/pipeline-profile.ts [--postings=3000] [--clients=32] [--cpu-profile=DIR]`:
 * where the posting pipeline spends its time. On a fresh embedded stack with 10 governments × 4
 * lines, it first only ACCEPTS `postings` commitments over HTTP (no consumer running), then only
 * APPLIES them (the real consumer through the runtime's poller, queue full), and prints for each
 * phase the rate, and the SDK calls per posting with their mean wall time. With --cpu-profile, a
 * CPU profile of each phase is written there (summarise it with summarise-cpu-profile.ts). With
 * --minimal, the same commitments are then sent to the minimal accept server (minimal-accept.ts, run
 * in this process): its CPU per posting is the baseline of issue #21's accept ratio, as a count that
 * a loaded machine does not distort.
 */
import '../harness/bench-env.ts';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createQueuePoller, runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queues } from '#shared/resources.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { prepareGovernments } from '../harness/execution-fixture.ts';
import { zipfGovernments } from '../harness/governments.ts';
import { sendLoad } from '../harness/http-load.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { startMinimalAccept } from '../harness/minimal-accept.ts';
import { committedOn, COMMITMENT_AMOUNT, commitmentCalls } from '../harness/pipeline-run.ts';
import { timeCalls } from './call-timer.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import type { UsageMeter } from '../harness/dynamo-usage.ts';
import type { CallTimes } from './call-timer.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';

const { values } = parseArgs({
  options: {
    postings: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '32' },
    'cpu-profile': { type: 'string' },
    minimal: { type: 'boolean', default: false },
  },
});
const postings = Number(values.postings);
const clients = Number(values.clients);
const profileDir = values['cpu-profile'];

await withEmbeddedStack(async ({ enginePid }) => {
  const api = await startLocalApi();
  try {
    const prepared = await prepareGovernments(api, zipfGovernments().slice(0, 10), 5, 1_000_000_000_000);
    const targets = prepared.flatMap(({ gov, lineIds }) => lineIds.map((lineId) => ({ gov, lineId })));
    const pollerSqs = runtimeSqsClient();
    const times = timeCalls([
      { service: 'dynamodb', client: dynamoClient() },
      { service: 'sqs(api)', client: sqsClient() },
      { service: 'sqs(poller)', client: pollerSqs },
    ]);
    const calls = await commitmentCalls(api, targets);
    const before = await committedOn(targets);

    const meter = meterDynamo(dynamoClient());
    times.reset();
    let cpu = cpuMeter(enginePid);
    const accept = await profiled('accept', () =>
      sendLoad({
        baseUrl: api.url,
        clients,
        calls,
        expectedStatus: 202,
        maxRequests: postings,
        uniqueHeader: { name: 'idempotency-key', prefix: `profile-${Date.now().toString(36)}` },
      }),
    );
    report('accept', accept.succeeded, accept.elapsedMs, times);
    cpu.report(accept.succeeded);
    writeUnits(meter, accept.succeeded);
    process.stdout.write(
      `  accept latency p50 ${accept.p50.toFixed(1)} ms, p99 ${accept.p99.toFixed(1)} ms; refused ${JSON.stringify(accept.unexpected)}\n`,
    );

    times.reset();
    meter.reset();
    cpu = cpuMeter(enginePid);
    const poller = createQueuePoller({
      queueUrls: shardUrls(queues.postings, String(process.env[queues.postings.env])),
      declaration: queues.postings,
      sqs: pollerSqs,
      concurrency: 4,
      waitTimeSeconds: 1,
    });
    const started = performance.now();
    const stats = await profiled('apply', () => poller.drain({ timeoutMs: 300_000 }));
    const applyMs = performance.now() - started;
    await poller.stop();
    const applied = Math.round(((await committedOn(targets)) - before) / COMMITMENT_AMOUNT);
    report('apply', applied, applyMs, times);
    cpu.report(applied);
    writeUnits(meter, applied);
    process.stdout.write(
      `  batches ${stats.batches}, mean ${(stats.received / stats.batches).toFixed(1)} messages a batch, retried ${stats.retried}\n`,
    );
    if (values.minimal) {
      const issuer = api.runtime.auth.devIssuer;
      if (!issuer) throw new Error('the local runtime has no development issuer');
      const minimal = await startMinimalAccept(issuer.jwks, `profile-minimal-${Date.now().toString(36)}`);
      try {
        times.reset();
        cpu = cpuMeter(enginePid);
        const load = await profiled('minimal-accept', () =>
          sendLoad({
            baseUrl: minimal.url,
            clients,
            calls,
            expectedStatus: 202,
            maxRequests: postings,
            uniqueHeader: { name: 'idempotency-key', prefix: `profile-minimal-${Date.now().toString(36)}` },
          }),
        );
        report('minimal accept (baseline)', load.succeeded, load.elapsedMs, times);
        cpu.report(load.succeeded);
      } finally {
        await minimal.stop();
      }
    }
    times.detach();
    pollerSqs.destroy();
  } finally {
    await api.stop();
  }
});

/** CPU time of this process (its main thread: API and consumer; the rest: the load generator's thread) and of the engines' process, per posting. */
function cpuMeter(enginePid: number | undefined) {
  const ownBefore = process.cpuUsage();
  const threadBefore = process.threadCpuUsage();
  const enginesBefore = processCpuMs(enginePid);
  return {
    report(count: number) {
      const own = process.cpuUsage(ownBefore);
      const ownMs = (own.user + own.system) / 1000;
      const thread = process.threadCpuUsage(threadBefore);
      const mainMs = (thread.user + thread.system) / 1000;
      const per = (ms: number) => (ms / Math.max(1, count)).toFixed(2);
      const engines = enginePid === undefined ? 'in this process' : `${per(processCpuMs(enginePid) - enginesBefore)} ms`;
      process.stdout.write(
        `  CPU per posting: this process ${per(ownMs)} ms (main thread ${per(mainMs)} ms, system ${per(own.system / 1000)} ms), engines ${engines}\n`,
      );
    },
  };
}

/** utime + stime of a process from /proc (Linux), in ms. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function profiled<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(profileDir, `${phase}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

function report(phase: string, count: number, ms: number, times: CallTimes): void {
  process.stdout.write(`\n${phase}: ${count} postings in ${(ms / 1000).toFixed(2)} s = ${((count * 1000) / ms).toFixed(0)}/s\n`);
  for (const [name, { count: n, ms: total }] of Object.entries(times.calls).sort((a, b) => b[1].ms - a[1].ms)) {
    process.stdout.write(
      `  ${name.padEnd(34)} ${(n / Math.max(1, count)).toFixed(2).padStart(6)} per posting, mean ${(total / n).toFixed(2).padStart(7)} ms\n`,
    );
  }
}

/** Write units per posting, estimated per item as DynamoDB charges them (dynamo-usage.ts), heaviest item first. */
function writeUnits(meter: UsageMeter, count: number): void {
  const per = (units: number) => (units / Math.max(1, count)).toFixed(2);
  const items = Object.entries(meter.usage.byItemKind)
    .sort((a, b) => b[1].units - a[1].units)
    .map(([kind, { units }]) => `${kind} ${per(units)}`);
  process.stdout.write(`  write units per posting ${per(meter.usage.writeUnits)} (by item: ${items.join(', ')})\n`);
}
