import { parseArgs } from 'node:util';
import { schedules } from '#shared/schedules.ts';
import { runJob } from '#infra/runtime/scheduler.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { withStack } from '#infra/cli/stack-target.ts';

const USAGE = `npm run job -- <schedule> [--gov 11110] [--year 2025] [--<key> <value> …] [--data-dir .data] [--external]

Runs one schedule of shared/schedules.ts now, with an EventBridge scheduled event whose detail is the
schedule's input plus the given options (--year and --month as integers, everything else as text).
Schedules: ${schedules.map((s) => s.name).join(', ') || '(none declared yet)'}`;

const { values, positionals, tokens } = parseArgs({ allowPositionals: true, strict: false, tokens: true });
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

const INTEGER_KEYS = new Set(['year', 'month']);
const CLI_KEYS = new Set(['data-dir', 'external', 'help']);
const detail: Record<string, unknown> = {};
for (const token of tokens) {
  if (token.kind !== 'option' || CLI_KEYS.has(token.name)) continue;
  const value = token.value ?? true;
  detail[token.name] = INTEGER_KEYS.has(token.name) && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

const printResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
try {
  const result = await withStack(
    typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(),
    usesExternalEndpoints(values.external === true),
    async (where) => {
      console.error(`running ${schedule.name} (${schedule.handler}) against ${where}`);
      return runJob(schedule, detail);
    },
  );
  printResult(`${JSON.stringify(result ?? null, null, 2)}\n`, () => process.exit(0));
} catch (error) {
  console.error(`${schedule.name} failed:`, error);
  process.exit(1);
}
