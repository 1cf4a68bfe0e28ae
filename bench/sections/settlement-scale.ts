import { withEmbeddedStack } from '../harness/embedded.ts';
import { zipfGovernments } from '../harness/governments.ts';
import { measureRawWriteCeiling } from '../harness/raw-write-ceiling.ts';
import { versus } from '../harness/report.ts';
import type { Baseline, GoalVerdict } from '../harness/report.ts';
import type { Section, SectionContext } from '../harness/section.ts';
import { perSecond, round } from '../harness/stats.ts';
import { inChildProcess } from '../harness/settlement-child-process.ts';
import type { ChildAnswer } from '../harness/settlement-child.ts';
import type { ClosingMeasurement } from '../harness/settlement-closing.ts';
import type { JournalScan } from '../harness/settlement-journal-scan.ts';
import type { SeededYear } from '../harness/settlement-seed.ts';

const YEAR = 2026;
const LINES = 2_000;
const QUICK_SIZES = [10_000];
/**
 * The issue's sizes. Seeding 1,000,000 postings through BatchWriteItem took 416 s on the idle
 * 2-core AMD VM (the engine's validation of the nested records, ~0.44 ms of its CPU each, was the
 * limit); through the engine's seeding door (bench/harness/bulk-load-client.ts) the same items
 * cost it ~0.17 ms at 60,000 and ~0.27 ms on average over a 1,000,000-record year (the store grows),
 * the seeder ~0.1 ms, side by side on the two cores (bench/README.md, fifth pass).
 * BENCH_SETTLEMENT_POSTINGS (e.g. 100000,500000) runs other sizes.
 */
const FULL_SIZES = sizesFrom(process.env.BENCH_SETTLEMENT_POSTINGS) ?? [100_000, 1_000_000];
const GOAL_POSTINGS = 1_000_000;
const MB = 1e6;

function sizesFrom(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  const sizes = text.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isSafeInteger(size) || size <= 0))
    throw new Error(`BENCH_SETTLEMENT_POSTINGS: "${text}" is not a list of sizes`);
  return sizes.sort((a, b) => a - b);
}

interface SizeRun {
  readonly postings: number;
  readonly seeded: SeededYear;
  readonly closing: ChildAnswer<ClosingMeasurement>;
}

/**
 * 5. Settlement scale: the year-end closing of one government-year with 100,000 and 500,000
 * postings (quick: 10,000; see FULL_SIZES for 1,000,000), each on its own government in one
 * embedded stack. A child process seeds the year (settlement-seed.ts: what execution and budgeting
 * leave in the table, planned by execution's own planner, 2,000 lines over 5 funds); another,
 * fresh, runs the real closing (run-closing.ts with an SQS event), so its peak memory is its own.
 * Baselines: the raw BatchWriteItem ceiling, and a naive close that reads every journal record.
 */
export const settlementScale: Section = {
  id: '5',
  title: 'Settlement scale (year close)',
  budgetMs: { quick: 60_000, full: 60_000 + Math.round(FULL_SIZES.reduce((sum, size) => sum + size, 0) / 2.5) },
  // idle 2026-12-01: 467 s, of it 416 s seeding 1,000,000 records by BatchWriteItem; through the seeding door 157–180 s near idle (the section: 223 s)
  shareMs: 230_000,
  async run(context) {
    const sizes = context.quick ? QUICK_SIZES : FULL_SIZES;
    const govs = zipfGovernments();
    await withEmbeddedStack(async () => {
      const raw = await measureRawWriteCeiling(context.quick ? 3_000 : 20_000);
      const rawBaseline: Baseline = { name: 'raw BatchWriteItem', value: round(raw.itemsPerSecond), unit: 'items/s' };
      context.figure({ name: 'raw BatchWriteItem ceiling (baseline)', value: rawBaseline.value, unit: 'items/s' });
      const runs: SizeRun[] = [];
      for (const [n, postings] of sizes.entries()) {
        const gov = govs[n] as string;
        context.log(`seeding ${postings.toLocaleString('en-US')} postings for ${gov}/${YEAR}`);
        const seeded = (await inChildProcess<SeededYear>({ mode: 'seed', shape: { gov, year: YEAR, lines: LINES, postings } })).result;
        reportSeeding(context, seeded, rawBaseline);
        context.log(`closing ${gov}/${YEAR}`);
        const closing = await inChildProcess<ClosingMeasurement>({ mode: 'close', gov, year: YEAR });
        const run = { postings, seeded, closing };
        reportClosing(context, run);
        runs.push(run);
        if (n === 0) {
          context.log(`naive journal read of ${gov}/${YEAR}`);
          reportNaiveRead(context, run, (await inChildProcess<JournalScan>({ mode: 'scan', gov, year: YEAR })).result);
        }
      }
      reportIndependence(context, runs);
      for (const verdict of goals(runs)) context.goal(verdict);
      const broken = runs.find((r) => r.closing.result.failed || r.closing.result.status !== 'done' || r.closing.result.differences !== 0);
      if (broken) {
        throw new Error(
          `the closing of ${broken.postings} postings did not complete cleanly: status ${broken.closing.result.status}, differences ${broken.closing.result.differences}`,
        );
      }
    });
  },
};

const label = (postings: number): string => `${postings.toLocaleString('en-US')} postings`;

function reportSeeding(context: SectionContext, seeded: SeededYear, raw: Baseline): void {
  context.figure(
    versus(
      {
        name: `${label(seeded.postings)}: seeding rate (posting records)`,
        value: round(perSecond(seeded.postingRecords, seeded.postingsMs)),
        unit: 'records/s',
        note: `${seeded.postingRecords.toLocaleString('en-US')} records (${seeded.journalRecords.toLocaleString('en-US')} on the journal index) + ${seeded.otherItems.toLocaleString('en-US')} control, balance and settlement items in ${round(seeded.totalMs / 1000, 1)} s; records and control items through the engine's seeding door, balances by TransactWriteItems`,
      },
      raw,
    ),
  );
}

function reportClosing(context: SectionContext, run: SizeRun): void {
  const { result, memory } = run.closing;
  const name = label(run.postings);
  context.figure({ name: `${name}: year close wall time`, value: round(result.ms / 1000, 2), unit: 's' });
  context.figure({
    name: `${name}: year close peak RSS (own process)`,
    value: round(memory.maxRssBytes / MB),
    unit: 'MB',
    note: `${round(memory.startRssBytes / MB)} MB with the handler loaded; heap peak ${round(memory.peakHeapUsedBytes / MB)} MB`,
  });
  context.figure({
    name: `${name}: DynamoDB items read by the close`,
    value: result.itemsRead,
    unit: 'items',
    note: `${result.inputItems} of them the closing's inputs; requests ${Object.entries(result.requests)
      .map(([command, count]) => `${command.replace(/Command$/, '')} ${count}`)
      .join(', ')}`,
  });
  context.figure({ name: `${name}: S3 objects written (archive)`, value: result.s3ObjectsWritten, unit: 'objects' });
  context.figure({
    name: `${name}: closing status / reconciliation differences`,
    value: `${result.failed ? 'failed' : result.status} / ${result.differences}`,
    unit: '',
  });
}

function reportNaiveRead(context: SectionContext, run: SizeRun, scan: JournalScan): void {
  const name = label(run.postings);
  context.figure({
    name: `${name}: naive close, reading every journal record (baseline)`,
    value: scan.itemsRead,
    unit: 'items',
    note: `${scan.queries} queries of the journal index in ${round(scan.ms / 1000, 2)} s, before any report is built`,
  });
  context.figure(
    versus(
      { name: `${name}: items read, year close vs naive`, value: run.closing.result.itemsRead, unit: 'items' },
      { name: 'naive journal read', value: scan.itemsRead, unit: 'items' },
    ),
  );
}

function reportIndependence(context: SectionContext, runs: readonly SizeRun[]): void {
  const [first, last] = [runs[0], runs.at(-1)];
  if (!first || !last || first === last) {
    context.note('one size only (quick): the items-read ratio between sizes is measured by the full run');
    return;
  }
  context.figure(
    versus(
      {
        name: `items read ${label(last.postings)} vs ${label(first.postings)} (1.0 = independent of postings)`,
        value: last.closing.result.itemsRead,
        unit: 'items',
      },
      { name: `items read, ${label(first.postings)}`, value: first.closing.result.itemsRead, unit: 'items' },
    ),
  );
  context.figure(
    versus(
      { name: `close wall time ${label(last.postings)} vs ${label(first.postings)}`, value: last.closing.result.ms, unit: 'ms' },
      { name: `wall time, ${label(first.postings)}`, value: first.closing.result.ms, unit: 'ms' },
    ),
  );
}

/** The issue's goals are for 1,000,000 postings; a run that did not close that many says what it measured instead. */
function goals(runs: readonly SizeRun[]): GoalVerdict[] {
  const atGoal = runs.find((run) => run.postings >= GOAL_POSTINGS);
  const largest = runs.at(-1);
  const verdict = (goal: string, value: (run: SizeRun) => number, limit: number, format: (value: number) => string): GoalVerdict => {
    if (atGoal) return { goal, measured: format(value(atGoal)), met: value(atGoal) < limit };
    const instead = largest ? ` (${label(largest.postings)}: ${format(value(largest))})` : '';
    return { goal, measured: `not measured at ${label(GOAL_POSTINGS)}${instead}`, met: null };
  };
  return [
    verdict(
      'year close with 1,000,000 postings under 60 s',
      (run) => run.closing.result.ms / 1000,
      60,
      (s) => `${round(s, 2)} s`,
    ),
    verdict(
      '… with peak memory under 512 MB',
      (run) => run.closing.memory.maxRssBytes / MB,
      512,
      (mb) => `${round(mb)} MB`,
    ),
    verdict(
      '… reading under 50,000 DynamoDB items',
      (run) => run.closing.result.itemsRead,
      50_000,
      (items) => `${items.toLocaleString('en-US')} items`,
    ),
  ];
}
