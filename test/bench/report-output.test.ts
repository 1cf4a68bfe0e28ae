import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issue21Goals, runVerdicts } from '../../bench/harness/issue-goals.ts';
import { goal, versus } from '../../bench/harness/report.ts';
import type { BenchReport } from '../../bench/harness/report.ts';
import { reportJson, writeReport } from '../../bench/harness/results-file.ts';
import { NotAvailable, runSection } from '../../bench/harness/section.ts';
import { renderReport } from '../../bench/harness/table.ts';

const machine = { cpuModel: 'Test CPU', nproc: 2, memory: '1.0 GiB', node: 'v24.0.0', platform: 'linux x64' };
const directory = await mkdtemp(join(tmpdir(), 'hojo-bench-test-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

const report = (sections: BenchReport['sections']): BenchReport => ({
  schema: 'hojo-bench/1',
  mode: 'quick',
  startedAt: '2026-01-02T00:00:00.000Z',
  finishedAt: '2026-01-02T00:01:00.000Z',
  durationMs: 60_000,
  machine,
  sections,
});

const quiet = { quick: true, log: () => undefined };

describe('bench sections', () => {
  it('keeps the figures measured before a failure and records the error', async () => {
    const section = await runSection(
      {
        id: '1',
        title: 'partly measured',
        budgetMs: { quick: 5_000, full: 5_000 },
        async run(context) {
          context.figure({ name: 'raw ceiling', value: 1234, unit: 'items/s' });
          throw new Error('consumer crashed');
        },
      },
      quiet,
    );
    expect(section).toMatchObject({ status: 'failed', error: 'Error: consumer crashed', figures: [{ name: 'raw ceiling', value: 1234 }] });
  });

  it('reports a missing dependency as not available', async () => {
    const section = await runSection(
      {
        id: '5',
        title: 'waiting',
        budgetMs: { quick: 5_000, full: 5_000 },
        run: async () => Promise.reject(new NotAvailable('settlement has not landed')),
      },
      quiet,
    );
    expect(section.status).toBe('not-available');
    expect(section.error).toBe('not available: settlement has not landed');
  });

  it('records a section that overruns its allowance as failed instead of waiting for it', async () => {
    const section = await runSection(
      { id: '3', title: 'stuck', budgetMs: { quick: 20, full: 20 }, run: () => new Promise<void>(() => undefined) },
      quiet,
    );
    expect(section.status).toBe('failed');
    expect(section.error).toMatch(/allowance/);
  });
});

describe('bench output', () => {
  const sections: BenchReport['sections'] = [
    {
      id: '1',
      title: 'Pipeline | throughput',
      status: 'ok',
      durationMs: 10,
      figures: [
        versus({ name: 'pipeline', value: 1500, unit: 'postings/s' }, { name: 'naive', value: 300, unit: 'postings/s' }),
        { name: 'nationwide total', value: 9_007_199_254_740_993n, unit: 'won' },
        { name: 'undefined ratio', value: Number.NaN, unit: 'x' },
      ],
      goals: [
        goal(
          'pipeline ≥ 1,000/s',
          1500,
          (v) => v >= 1000,
          (v) => `${v}/s`,
        ),
        goal('hot line ≥ 5× naive', undefined, () => true, String),
      ],
      notes: ['line one\nline two'],
    },
    {
      id: '5',
      title: 'Settlement',
      status: 'not-available',
      durationMs: 0,
      figures: [],
      goals: [],
      notes: [],
      error: 'not available: settlement has not landed',
    },
  ];

  it('writes JSON that parses back, with bigint as strings and non-finite numbers as null', async () => {
    const path = join(directory, 'nested', 'latest.json');
    await writeReport(path, report(sections));
    const parsed = JSON.parse(await readFile(path, 'utf8'));
    expect(parsed.schema).toBe('hojo-bench/1');
    expect(parsed.machine).toEqual(machine);
    expect(parsed.sections[0].figures[0]).toMatchObject({ value: 1500, ratio: 5, baseline: { name: 'naive', value: 300 } });
    expect(parsed.sections[0].figures[1].value).toBe('9007199254740993');
    expect(parsed.sections[0].figures[2].value).toBeNull();
    expect(parsed.sections[1]).toMatchObject({ status: 'not-available', error: 'not available: settlement has not landed' });
  });

  it('omits the ratio when the baseline is zero', () => {
    expect(versus({ name: 'x', value: 5, unit: 'ms' }, { name: 'zero', value: 0, unit: 'ms' })).not.toHaveProperty('ratio');
    expect(JSON.parse(reportJson(report([]))).sections).toEqual([]);
  });

  it('prints Markdown tables whose every row has the header’s column count', () => {
    const text = renderReport(report(sections));
    const tableRows = text.split('\n').filter((line) => line.startsWith('|'));
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const figureRows = tableRows.filter((line) => columns(line) === columns('| a | b | c | d | e |'));
    const goalRows = tableRows.filter((line) => columns(line) === columns('| a | b | c |'));
    expect(figureRows.length + goalRows.length).toBe(tableRows.length);
    expect(text).toContain('| 1. Pipeline \\| throughput | pipeline | 1,500 postings/s | naive: 300 postings/s | 5× |');
    expect(text).toContain('| 5. Settlement | not-available | not available: settlement has not landed |  |  |');
    expect(text).toContain('| pipeline ≥ 1,000/s | 1500/s | met |');
    expect(text).toContain('| hot line ≥ 5× naive | not measured | not measured |');
    expect(text).toContain('| nationwide total | 9,007,199,254,740,993 won |');
    expect(text).toContain('| undefined ratio | n/a |');
    expect(text).toContain('- 1: line one line two');
  });

  it('prints where the time went: each section’s wall time beside its share of the idle full run, and the totals', async () => {
    const timed = async (id: string, shareMs: number | undefined, workMs: number) =>
      runSection(
        {
          id,
          title: `section ${id}`,
          budgetMs: { quick: 5_000, full: 5_000 },
          ...(shareMs === undefined ? {} : { shareMs }),
          run: () => new Promise((resolve) => setTimeout(resolve, workMs)),
        },
        { quick: false, log: () => undefined },
      );
    const [fits, over, unshared, derived] = [
      await timed('1', 60_000, 0),
      await timed('2', 1, 20),
      await timed('3', undefined, 0),
      await timed('4', 0, 20),
    ];
    expect(fits.shareMs).toBe(60_000);
    expect(unshared).not.toHaveProperty('shareMs');
    const text = renderReport({ ...report([fits, over, unshared, derived]), mode: 'full' });
    // A share of 0 (a section that only reads another's runs) has no time of its own to overrun.
    expect(text).toMatch(/\| 4\. section 4 \| ok \| 0\.\d s \| 0\.0 s \|/);
    expect(text).toContain('| Section | Status | Wall time | Share (idle full run) |');
    expect(text).toMatch(/\| 1\. section 1 \| ok \| 0\.\d s \| 60\.0 s \|/);
    expect(text).toMatch(/\| 2\. section 2 \| ok \| 0\.\d s \| 0\.0 s \(over\) \|/);
    expect(text).toMatch(/\| 3\. section 3 \| ok \| 0\.\d s \| {2}\|/);
    expect(text).toMatch(/\| all \| {2}\| 0\.\d s \| 60\.0 s \|/);
    // A quick run has no shares: the full run's minutes are what they divide.
    const quick = await runSection(
      { id: '4', title: 'q', budgetMs: { quick: 5_000, full: 5_000 }, shareMs: 1, run: async () => undefined },
      quiet,
    );
    expect(quick).not.toHaveProperty('shareMs');
  });
});

describe('issue #21 verdicts', () => {
  const ran = (id: string, status: 'ok' | 'failed', goals: BenchReport['sections'][number]['goals'] = []) => ({
    id,
    title: `section ${id}`,
    status,
    durationMs: 1,
    figures: [],
    goals,
    notes: [],
  });

  it('adds a not-measured line for each goal of a section that ran without printing it, and none for sections not run', () => {
    const printed = goal(
      `${issue21Goals.reads.text} (clustered runtime, 2 API workers)`,
      30,
      (v) => v < 50,
      (v) => `${v} ms`,
    );
    const verdicts = runVerdicts(report([ran('4', 'ok', [printed]), ran('9', 'failed')]));
    expect(verdicts.map((v) => v.goal)).toEqual([
      issue21Goals.acceptRatio.text,
      issue21Goals.endToEnd.text,
      issue21Goals.latencyAtHalf.text,
      issue21Goals.fullRun.text,
    ]);
    expect(verdicts[0]).toEqual({ goal: issue21Goals.acceptRatio.text, measured: 'not measured (section 9: failed)', met: null });
    expect(verdicts[3]?.met).toBeNull();
  });

  it('judges the full run against 20 minutes when every goal’s section ran', () => {
    const sections = [...new Set(Object.values(issue21Goals).map((g) => g.section))].filter(Boolean).map((id) => ran(id, 'ok'));
    const full = (durationMs: number): BenchReport => ({ ...report(sections), mode: 'full', durationMs });
    expect(runVerdicts(full(19 * 60_000)).at(-1)).toEqual({ goal: issue21Goals.fullRun.text, measured: '19.0 min', met: true });
    expect(runVerdicts(full(21 * 60_000)).at(-1)?.met).toBe(false);
    expect(renderReport(full(21 * 60_000))).toContain(`| ${issue21Goals.fullRun.text} | 21.0 min | NOT met |`);
  });
});
