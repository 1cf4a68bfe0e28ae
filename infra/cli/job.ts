import { parseArgs } from 'node:util';
import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { clockOverride, describeClock } from '#shared/clock.ts';
import { queues } from '#shared/resources.ts';
import { schedules } from '#shared/schedules.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { createQueuePoller } from '#infra/runtime/queue-poller.ts';
import { runJob } from '#infra/runtime/scheduler.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { jobDetail } from '#infra/cli/job-detail.ts';
import { withStack } from '#infra/cli/stack-target.ts';

const USAGE = `npm run job -- <schedule> [--gov 11110] [--year 2025] [--<key> <value> …] [--data-dir .data] [--external]

Runs one schedule of shared/schedules.ts now, with an EventBridge scheduled event whose detail is the
schedule's input plus the given options (--year and --month as integers, a bare --flag as true,
everything else as text). HOJO_CLOCK=<ISO date-time with offset> runs it as on that moment (use the same
value as the running npm start).
Schedules: ${schedules.map((s) => s.name).join(', ') || '(none declared yet)'}`;

const { values, positionals, tokens } = parseArgs({
  allowPositionals: true,
  strict: false,
  tokens: true,
  options: { 'data-dir': { type: 'string' }, external: { type: 'boolean' }, help: { type: 'boolean' } },
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
const detail = jobDetail(tokens);
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
    for (const declaration of Object.values(queues)) {
      const poller = createQueuePoller({ queueUrl: stack.env[declaration.env] ?? '', declaration, waitTimeSeconds: 0 });
      const stats = await poller.drain({ timeoutMs: 600_000 });
      await poller.stop();
      if (stats.received > 0) console.error(`${declaration.name}: ${stats.succeeded} message(s) consumed, ${stats.retried} retried`);
    }
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
          return runJob(schedule, detail);
        })
      : await runStandalone(schedule);
  printResult(`${JSON.stringify(result ?? null, null, 2)}\n`, () => process.exit(0));
} catch (error) {
  console.error(`${schedule.name} failed:`, error);
  process.exit(1);
}
