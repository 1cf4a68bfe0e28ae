/**
 * A child process of the settlement bench, so that its memory high-water and CPU are its own:
 * `seed` writes a government-year, `close` runs its year-end closing, `scan` reads its journal
 * naively. The task comes as JSON in argv[2]; the answer goes back over the IPC channel with the
 * process's memory figures. The environment (endpoints, table, bucket) is the parent's.
 */
import './bench-env.ts';
import type { YearShape } from './settlement-year.ts';

export type ChildTask =
  | { readonly mode: 'seed'; readonly shape: YearShape }
  | { readonly mode: 'close'; readonly gov: string; readonly year: number }
  | { readonly mode: 'scan'; readonly gov: string; readonly year: number };

export interface ChildMemory {
  /** RSS when the task started (Node, the SDK and the handler's modules loaded). */
  readonly startRssBytes: number;
  /** Highest RSS sampled every 5 ms during the task. */
  readonly sampledPeakRssBytes: number;
  /** The kernel's high-water mark of the whole process (getrusage ru_maxrss). */
  readonly maxRssBytes: number;
  readonly peakHeapUsedBytes: number;
}

export interface ChildAnswer<T = unknown> {
  readonly result: T;
  readonly memory: ChildMemory;
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
/** Loads only the modules of the task (a closing process carries no seeding code), then returns its work. */
async function prepare(): Promise<() => Promise<unknown>> {
  if (task.mode === 'seed') {
    const { seedGovernmentYear } = await import('./settlement-seed.ts');
    return () => seedGovernmentYear(task.shape);
  }
  if (task.mode === 'close') {
    const { measureYearClosing } = await import('./settlement-closing.ts');
    return () => measureYearClosing(task.gov, task.year);
  }
  const { scanYearJournal } = await import('./settlement-journal-scan.ts');
  return () => scanYearJournal(task.gov, task.year);
}

const run = await prepare();

const startRssBytes = process.memoryUsage.rss();
let sampledPeakRssBytes = startRssBytes;
let peakHeapUsedBytes = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  sampledPeakRssBytes = Math.max(sampledPeakRssBytes, usage.rss);
  peakHeapUsedBytes = Math.max(peakHeapUsedBytes, usage.heapUsed);
}, 5);
const result = await run();
clearInterval(sampler);
const memory: ChildMemory = {
  startRssBytes,
  sampledPeakRssBytes: Math.max(sampledPeakRssBytes, process.memoryUsage.rss()),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  peakHeapUsedBytes,
};
process.send?.({ result, memory } satisfies ChildAnswer, () => process.exit(0));
