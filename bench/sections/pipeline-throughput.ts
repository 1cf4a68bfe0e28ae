import { enginePlacement } from '../harness/embedded.ts';
import { goal, versus } from '../harness/report.ts';
import type { Section } from '../harness/section.ts';
import { round } from '../harness/stats.ts';
import type { PipelineRun } from '../harness/pipeline-run.ts';
import { pipelineMeasurements } from './pipeline-measurements.ts';

/**
 * 1. Posting pipeline throughput, end to end (HTTP API → SQS FIFO → consumer → DynamoDB), on many
 * lines of many governments and on one hot line, beside the raw BatchWriteItem ceiling of the
 * engine and the naive one-transaction-per-posting consumer, all in the same run.
 */
export const pipelineThroughput: Section = {
  id: '1',
  title: 'Posting pipeline throughput',
  budgetMs: { quick: 60_000, full: 720_000 },
  // idle 2026-12-01: 407 s; 30/10 s windows and queues filled directly (bench/README.md, fifth pass)
  shareMs: 210_000,
  async run(context) {
    const m = await pipelineMeasurements(context);
    const raw = { name: 'raw BatchWriteItem', value: round(m.raw.itemsPerSecond), unit: 'items/s' };
    const naive = { name: 'naive, many lines', value: round(m.naiveMany.appliedPerSecond), unit: 'postings/s' };
    const naiveHot = { name: 'naive, hot line', value: round(m.naiveHot.appliedPerSecond), unit: 'postings/s' };
    context.figure({ name: 'raw BatchWriteItem ceiling (baseline)', value: raw.value, unit: 'items/s' });
    context.figure({
      name: `naive consumer, many lines (baseline, ${m.durations.naiveMs / 1000} s)`,
      value: naive.value,
      unit: 'postings/s',
    });
    context.figure({
      name: `naive consumer, hot line (baseline, ${m.durations.naiveMs / 1000} s)`,
      value: naiveHot.value,
      unit: 'postings/s',
    });
    const seconds = m.durations.pipelineMs / 1000;
    const manyName = `pipeline, ${m.lines} lines of ${m.governments} governments, ${seconds} s`;
    context.figure(versus({ name: `${manyName} (vs raw)`, value: round(m.many.appliedPerSecond), unit: 'postings/s' }, raw));
    context.figure(versus({ name: `${manyName} (vs naive)`, value: round(m.many.appliedPerSecond), unit: 'postings/s' }, naive));
    context.figure(
      versus({ name: `pipeline, one hot line, ${seconds} s (vs raw)`, value: round(m.hot.appliedPerSecond), unit: 'postings/s' }, raw),
    );
    context.figure(
      versus(
        { name: `pipeline, one hot line, ${seconds} s (vs naive)`, value: round(m.hot.appliedPerSecond), unit: 'postings/s' },
        naiveHot,
      ),
    );
    for (const [label, run] of [
      ['pipeline many', m.many],
      ['pipeline hot', m.hot],
      ['naive many', m.naiveMany],
      ['naive hot', m.naiveHot],
    ] as const) {
      context.figure({ name: `${label}: accepted / applied / lost`, value: `${run.accepted} / ${run.applied} / ${run.lost}`, unit: '' });
      context.figure({ name: `${label}: API accept p99 under load`, value: round(run.acceptLatencyP99, 1), unit: 'ms' });
      refusals(label, run, context.note);
    }
    const c = m.consumerOnly;
    for (const [label, run] of [
      ['pipeline consumer, many lines', c.many],
      ['pipeline consumer, one hot line', c.hot],
      ['naive consumer, many lines', c.naiveMany],
      ['naive consumer, one hot line', c.naiveHot],
    ] as const) {
      context.figure({
        name: `${label}: drains a full queue of ${c.postings} (consumer alone)`,
        value: round(run.drainedPerSecond),
        unit: 'postings/s',
      });
    }
    const zeroLoss = [m.many, m.hot, m.naiveMany, m.naiveHot, c.many, c.hot, c.naiveMany, c.naiveHot].every((run) => run.lost === 0);
    context.goal(
      goal(
        'pipeline ≥ 1,000 applied postings/s end to end',
        m.many.appliedPerSecond,
        (v) => v >= 1000,
        (v) => `${round(v)}/s (${zeroLoss ? 'zero loss' : 'POSTINGS LOST'})`,
      ),
    );
    context.goal(
      goal(
        'pipeline ≥ 3× the naive design (end to end)',
        m.many.appliedPerSecond / m.naiveMany.appliedPerSecond,
        (v) => v >= 3,
        (v) => `${round(v, 2)}×`,
      ),
    );
    context.goal(
      goal(
        'hot line ≥ 5× the naive design (end to end)',
        m.hot.appliedPerSecond / m.naiveHot.appliedPerSecond,
        (v) => v >= 5,
        (v) => `${round(v, 2)}×`,
      ),
    );
    context.goal(
      goal(
        'consumer alone (full queue): pipeline ≥ 3× the naive design',
        c.many.drainedPerSecond / c.naiveMany.drainedPerSecond,
        (v) => v >= 3,
        (v) => `${round(v, 2)}× (${round(c.many.drainedPerSecond)} vs ${round(c.naiveMany.drainedPerSecond)}/s)`,
      ),
    );
    context.goal(
      goal(
        'consumer alone (full queue): hot line ≥ 5× the naive design',
        c.hot.drainedPerSecond / c.naiveHot.drainedPerSecond,
        (v) => v >= 5,
        (v) => `${round(v, 2)}× (${round(c.hot.drainedPerSecond)} vs ${round(c.naiveHot.drainedPerSecond)}/s)`,
      ),
    );
    context.goal({
      goal: 'zero loss in every run (Σ committed on the books = accepted postings)',
      measured: zeroLoss ? 'lost 0' : 'postings lost',
      met: zeroLoss,
    });
    context.note(
      enginePlacement() === 'child'
        ? 'the engines (DynamoDB, SQS) run in a child process, as other machines do in production; HTTP API and consumer share one Node process on 127.0.0.1; the HTTP clients run in a worker thread of it'
        : 'everything runs in one Node process on 127.0.0.1 (engine, SQS, HTTP API, consumer); the HTTP clients run in a worker thread',
    );
  },
};

function refusals(label: string, run: PipelineRun, note: (text: string) => void): void {
  const refused = Object.entries(run.refused);
  if (refused.length === 0) return;
  note(
    `${label}: requests not accepted: ${refused.map(([status, count]) => `${status}×${count}`).join(', ')}${run.refusedSample ? `; first: ${run.refusedSample}` : ''}`,
  );
}
