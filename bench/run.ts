/**
 * `npm run bench [-- --quick] [-- --only=1,6]`: the performance figures of issue 8, measured against
 * the embedded stack in this process, printed as a table and written to bench/results/latest.json.
 * The JSON is rewritten after every section, so a run that dies still leaves what it measured.
 * Exits non-zero only when the JSON cannot be written.
 */
import './harness/bench-env.ts';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './harness/cli-options.ts';
import { describeMachine } from './harness/machine.ts';
import { overranShare } from './harness/report.ts';
import type { BenchReport, SectionReport } from './harness/report.ts';
import { writeReport } from './harness/results-file.ts';
import { runSection } from './harness/section.ts';
import { renderReport } from './harness/table.ts';
import { allSections } from './sections/index.ts';

const log = (message: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

// Background work of a section that already failed (a poller, a timed-out load) must not end the run.
process.on('unhandledRejection', (reason) => log(`unhandled rejection (run continues): ${String(reason)}`));
process.on('uncaughtException', (error) => log(`uncaught exception (run continues): ${error.stack ?? error.message}`));

const options = parseOptions(process.argv.slice(2));
const out = options.out ?? fileURLToPath(new URL('results/latest.json', import.meta.url));
const sections = allSections.filter((section) => !options.only || options.only.includes(section.id));
const machine = await describeMachine();
const startedAt = new Date();
const reports: SectionReport[] = [];

const snapshot = (): BenchReport => ({
  schema: 'hojo-bench/1',
  mode: options.quick ? 'quick' : 'full',
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  durationMs: Date.now() - startedAt.getTime(),
  machine,
  sections: reports,
});

let written = true;
const save = async (): Promise<void> => {
  try {
    await writeReport(out, snapshot());
    written = true;
  } catch (error) {
    written = false;
    log(`cannot write ${out}: ${(error as Error).message}`);
  }
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
// A share of 0 (section 2 reads section 1's runs) is not printed: it has no time of its own.
const share = (report: SectionReport): string =>
  report.shareMs === undefined || report.shareMs === 0
    ? ''
    : ` of its ${seconds(report.shareMs)} share${overranShare(report) ? ' (OVER)' : ''}`;

log(`bench ${options.quick ? 'quick' : 'full'} on ${machine.cpuModel} (${machine.nproc} CPUs, ${machine.memory}), Node ${machine.node}`);
await save();
for (const section of sections) {
  log(`section ${section.id}: ${section.title}`);
  const report = await runSection(section, { quick: options.quick, log });
  reports.push(report);
  log(
    `section ${section.id}: ${report.status} in ${seconds(report.durationMs)}${share(report)}${report.error ? ` (${report.error})` : ''}`,
  );
  log(
    `run so far: ${seconds(Date.now() - startedAt.getTime())}${options.quick ? '' : ` (shares so far ${seconds(sum(reports.map((r) => r.shareMs ?? 0)))})`}`,
  );
  await save();
}
process.stdout.write(renderReport(snapshot()));
log(`written ${out}`);
// Engines, pollers or sockets of a failed section may still hold the event loop.
process.exit(written ? 0 : 1);
