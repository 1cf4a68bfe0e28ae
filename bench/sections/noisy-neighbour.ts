import { createQueuePoller } from '#infra/runtime/queue-poller.ts';
import { queueUrls } from '#shared/config/env.ts';
import { postingsShardOf } from '#shared/config/queue-shards.ts';
import { queues } from '#shared/resources.ts';
import { appliedLatencies } from '../harness/applied-latency.ts';
import { enginePlacement, withEmbeddedStack } from '../harness/embedded.ts';
import { prepareGovernments } from '../harness/execution-fixture.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { committedOn } from '../harness/pipeline-run.ts';
import { floodPostings } from '../harness/posting-flood.ts';
import { goal, versus } from '../harness/report.ts';
import type { SectionContext, Section } from '../harness/section.ts';
import { percentile, round } from '../harness/stats.ts';

/** Seoul floods (the busiest government); Jongno-gu is the quiet neighbour. */
const FLOODER = '11000';
const QUIET = '11110';
const FLOOD_LINES = 40;
const QUIET_LANES = 3;
/** Batches in flight across all shards: the consumer's concurrency in one local process. */
const CONSUMER_CONCURRENCY = 4;

interface Layout {
  readonly label: string;
  readonly shards: number;
}

interface Measured {
  readonly idle: number[];
  readonly during: number[];
  /** Flood postings applied while the quiet ones were being timed (less than the flood: it was still queued). */
  readonly floodAppliedMeanwhile: number;
  readonly floodDrainMs: number;
  readonly floodApplied: number;
  /** Quiet requests sent again after a connection reset. */
  readonly resent: number;
}

/**
 * 8. Noisy neighbour (issue #12 break 8): accept→applied of a quiet government's commitments over
 * HTTP, idle and while another government's flood of postings is queued, in the same run, on the
 * postings queue sharded per government (the declared 243 shards, one per government, consumed by
 * the local runtime's per-shard receivers and shared worker pool, as the event source mappings with
 * MaximumConcurrency are on AWS), and, as the baseline, on one queue (the former layout).
 */
export const noisyNeighbour: Section = {
  id: '8',
  title: 'Noisy neighbour (postings sharded per government)',
  budgetMs: { quick: 240_000, full: 600_000 },
  // idle 2026-12-01: 64.2 s
  shareMs: 65_000,
  async run(context) {
    const flood = context.quick ? 1_500 : 5_000;
    const quiet = context.quick ? 30 : 60;
    const sharded: Layout = { label: `${queues.postings.shards.defaultCount} shards`, shards: queues.postings.shards.defaultCount };
    const single: Layout = { label: 'one queue (baseline)', shards: 1 };
    context.note(
      `${FLOODER} queues ${flood.toLocaleString('en')} commitments on ${FLOOD_LINES} lines straight onto its shard (as the API would, ten to a batch); ${QUIET} sends ${quiet} commitments through the API, ${QUIET_LANES} at a time, each timed from its 202 to the status read that says applied; consumer concurrency ${CONSUMER_CONCURRENCY}.`,
    );
    const measured = new Map<Layout, Measured>();
    for (const layout of [sharded, single]) {
      const m = await measureLayout(context, layout, flood, quiet);
      measured.set(layout, m);
      report(context, layout, m, flood);
    }
    const s = measured.get(sharded)!;
    const b = measured.get(single)!;
    const sp99 = percentile(s.during, 99);
    const bp99 = percentile(b.during, 99);
    context.figure(
      versus(
        { name: 'quiet p99 during the flood, sharded vs one queue', value: round(sp99, 1), unit: 'ms' },
        { name: 'one queue: quiet p99 during the flood', value: round(bp99, 1), unit: 'ms' },
      ),
    );
    const limit = 2 * percentile(s.idle, 99) + 1_000;
    context.goal(
      goal(
        `quiet government's p99 during a flood of ${flood.toLocaleString('en')} ≤ 2 × its idle p99 + 1 s (${sharded.label})`,
        sp99,
        (v) => v <= limit,
        (v) => `${round(v)} ms against ${round(limit)} ms (idle p99 ${round(percentile(s.idle, 99))} ms)`,
      ),
    );
    context.goal(
      goal(
        `the same on one queue (baseline, expected to miss)`,
        bp99,
        (v) => v <= 2 * percentile(b.idle, 99) + 1_000,
        (v) => `${round(v)} ms against ${round(2 * percentile(b.idle, 99) + 1_000)} ms`,
      ),
    );
  },
};

async function measureLayout(context: SectionContext, layout: Layout, flood: number, quiet: number): Promise<Measured> {
  return withEmbeddedStack(
    async () => {
      if (layout.shards > 1 && postingsShardOf(FLOODER, layout.shards) === postingsShardOf(QUIET, layout.shards)) {
        throw new Error(`${FLOODER} and ${QUIET} share a shard of ${layout.shards}`);
      }
      const api = await startLocalApi();
      const urls = queueUrls('postings');
      const poller = createQueuePoller({
        ...(urls.length > 1 ? { queueUrls: urls } : { queueUrl: urls[0] ?? '' }),
        declaration: queues.postings,
        concurrency: CONSUMER_CONCURRENCY,
      });
      try {
        context.log(`${layout.label}: preparing ${FLOODER} and ${QUIET}`);
        const prepared = await prepareGovernments(api, [FLOODER, QUIET], FLOOD_LINES + 1, 1_000_000_000, 2);
        const lines = (gov: string) => prepared.find((p) => p.gov === gov)?.lineIds ?? [];
        const targets = lines(FLOODER).map((lineId) => ({ gov: FLOODER, lineId }));
        const committedBefore = await committedOn(targets);
        poller.start();
        const quietLines = lines(QUIET).slice(0, QUIET_LANES);
        const time = (label: string) =>
          appliedLatencies({
            api,
            gov: QUIET,
            lineIds: quietLines,
            postings: quiet,
            lanes: QUIET_LANES,
            label: `${label}-${layout.shards}`,
          });
        const { latencies: idle, resent: resentIdle } = await time('idle');
        context.log(`${layout.label}: idle p99 ${round(percentile(idle, 99))} ms; flooding`);
        const floodStarted = performance.now();
        await floodPostings(FLOODER, lines(FLOODER), flood, `flood${layout.shards}`);
        const before = poller.stats.succeeded;
        const { latencies: during, resent: resentDuring } = await time('during');
        const floodAppliedMeanwhile = poller.stats.succeeded - before - quiet;
        context.log(`${layout.label}: during p99 ${round(percentile(during, 99))} ms; draining`);
        await poller.drain({ timeoutMs: 300_000 });
        const floodDrainMs = performance.now() - floodStarted;
        const floodApplied = (await committedOn(targets)) - committedBefore;
        return {
          idle,
          during,
          floodAppliedMeanwhile: Math.max(0, floodAppliedMeanwhile),
          floodDrainMs,
          floodApplied,
          resent: resentIdle + resentDuring,
        };
      } finally {
        await poller.stop();
        await api.stop();
      }
    },
    enginePlacement(),
    { postingsShards: layout.shards },
  );
}

function report(context: SectionContext, layout: Layout, m: Measured, flood: number): void {
  const p = (sample: readonly number[]) => `${round(percentile(sample, 50), 1)} / ${round(percentile(sample, 99), 1)}`;
  context.figure({ name: `${layout.label}: quiet government accept→applied, idle: p50 / p99`, value: p(m.idle), unit: 'ms' });
  context.figure({ name: `${layout.label}: … during the flood: p50 / p99`, value: p(m.during), unit: 'ms' });
  context.figure({
    name: `${layout.label}: flood postings applied while the quiet ones were timed`,
    value: `${m.floodAppliedMeanwhile} of ${flood}`,
    unit: '',
  });
  context.figure({ name: `${layout.label}: flood queued → drained`, value: round(m.floodDrainMs / 1000, 1), unit: 's' });
  context.figure({ name: `${layout.label}: flood applied / lost`, value: `${m.floodApplied} / ${flood - m.floodApplied}`, unit: '' });
  if (m.resent > 0) context.note(`${layout.label}: ${m.resent} quiet request(s) sent again after a connection reset (keep-alive race).`);
  if (m.floodAppliedMeanwhile >= flood) {
    context.note(`${layout.label}: the flood drained before the quiet postings were timed: no backlog was measured.`);
  }
}
