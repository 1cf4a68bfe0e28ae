import '#infra/cli/quiet.ts';
import { parseArgs } from 'node:util';
import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { clockOverride, describeClock } from '#shared/clock.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';
import { queues } from '#shared/resources.ts';
import { schedules } from '#shared/schedules.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { createQueuePoller } from '#infra/runtime/queue-poller.ts';
import { runJob } from '#infra/runtime/scheduler.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { jobDetail } from '#infra/cli/job-detail.ts';
import { closingGovernments, watchClosing } from '#infra/cli/job-progress.ts';
import type { ClosingProgressReport } from '#infra/cli/job-progress.ts';
import { withStack } from '#infra/cli/stack-target.ts';

const USAGE = `npm run job -- <schedule> [--gov 11110] [--year 2025] [--<key> <value> …] [--wait | --no-wait] [--data-dir .data] [--external]

A closing queues one message per government and returns; with --wait (the default on a terminal)
it shows progress (n of N governments closed, failures by name) until every closing is done or in
the dead-letter queue, and exits 1 if any failed. Handler metrics are off (HOJO_CLI_METRICS=1 keeps them).

Runs one schedule of shared/schedules.ts now, with an EventBridge scheduled event whose detail is the
schedule's input plus the given options (--year and --month as integers, a bare --flag as true,
everything else as text). An old year's 출납정리 day or month names its fiscal year:
\`npm run job -- daily-closing --year 2026 --period 2027-01-15\`. HOJO_CLOCK=<ISO date-time with offset> runs it as on that moment (use the same
value as the running npm start).
Schedules: ${schedules.map((s) => s.name).join(', ') || '(none declared yet)'}`;

const { values, positionals, tokens } = parseArgs({
  allowPositionals: true,
  strict: false,
  tokens: true,
  options: {
    'data-dir': { type: 'string' },
    external: { type: 'boolean' },
    wait: { type: 'boolean' },
    'no-wait': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const name = positionals[0];
if (values.help || !name) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const schedule = schedules.find((s) => s.name === name);
if (!schedule) {
  console.error(`unknown schedule ${name}\n\n${USAGE}`);
  process.exit(2);
}

if (clockOverride()) console.error(`HOJO_CLOCK: the job runs on a ${describeClock()}`);
const detail = jobDetail(tokens.filter((t) => t.kind !== 'option' || (t.name !== 'wait' && t.name !== 'no-wait')));
const wait = values.wait === true || (values['no-wait'] !== true && process.stdout.isTTY === true);
const isClosing = schedule.handler === 'settlement/start-closing';
let progress: ClosingProgressReport | undefined;

/** The settlement DLQ next to the settlement queue (same prefix). */
function settlementDeadLetterUrl(): string | undefined {
  const url = process.env[queues.settlement.env];
  if (!url?.endsWith(queues.settlement.name)) return undefined;
  return url.slice(0, url.length - queues.settlement.name.length) + queues.settlement.deadLetterQueueName;
}

async function watch(result: unknown, settled?: () => boolean): Promise<void> {
  if (!wait || !isClosing) return;
  const { kind, period } = result as { kind: string; period: string };
  const govs = await closingGovernments(detail);
  progress = await watchClosing({ kind, period, govs }, settlementDeadLetterUrl(), settled ? { settled } : {});
}
const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();

/**
 * Without a running `npm start`, the job runs on the embedded stack under the data directory and
 * the queues it fills (the settlement fan-out) are drained here, so its reports land in the
 * archive that the next `npm start` serves.
 */
async function runStandalone(job: ScheduleDeclaration): Promise<unknown> {
  const stack = await startEmbeddedStack({ dataDir });
  try {
    console.error(`running ${job.name} (${job.handler}) on the embedded stack under ${dataDir}`);
    const result = await runJob(job, detail);
    let drained = false;
    const drain = (async () => {
      for (const declaration of Object.values(queues)) {
        const queueUrls = shardUrls(declaration, stack.env[declaration.env] ?? '', stack.env);
        const poller = createQueuePoller({ queueUrls, declaration, waitTimeSeconds: 0 });
        const stats = await poller.drain({ timeoutMs: 600_000 });
        await poller.stop();
        if (stats.received > 0) console.error(`${declaration.name}: ${stats.succeeded} message(s) consumed, ${stats.retried} retried`);
      }
      drained = true;
    })();
    await Promise.all([drain, watch(result, () => drained)]);
    return result;
  } finally {
    resetClients();
    await stack.stop();
  }
}

const printResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
try {
  const external = usesExternalEndpoints(values.external === true);
  const result =
    external || (await readRuntimeState(dataDir))
      ? await withStack(dataDir, external, async (where) => {
          console.error(`running ${schedule.name} (${schedule.handler}) against ${where}`);
          const result = await runJob(schedule, detail);
          if (isClosing && !wait) console.error('queued; the closings run in the background (--wait shows their progress)');
          await watch(result);
          return result;
        })
      : await runStandalone(schedule);
  const summary = progress ? { ...(result as object), closed: progress.done.length, failed: progress.failed } : result;
  const failed = (progress?.failed.length ?? 0) > 0 || (progress !== undefined && progress.done.length < progress.total);
  printResult(`${JSON.stringify(summary ?? null, null, 2)}\n`, () => process.exit(failed ? 1 : 0));
} catch (error) {
  console.error(`${schedule.name} failed:`, error);
  process.exit(1);
}
