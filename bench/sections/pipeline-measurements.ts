import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { requireRoute } from '../harness/availability.ts';
import { meterDynamo, keyString } from '../harness/dynamo-usage.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { FISCAL_YEAR, prepareGovernments } from '../harness/execution-fixture.ts';
import { zipfGovernments } from '../harness/governments.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { runPipeline } from '../harness/pipeline-run.ts';
import type { LineTarget, PipelineRun } from '../harness/pipeline-run.ts';
import { measureRawWriteCeiling } from '../harness/raw-write-ceiling.ts';
import type { WriteCeiling } from '../harness/raw-write-ceiling.ts';
import type { SectionContext } from '../harness/section.ts';

export interface PipelineMeasurements {
  readonly raw: WriteCeiling;
  readonly lines: number;
  readonly governments: number;
  readonly many: PipelineRun;
  readonly hot: PipelineRun;
  readonly naiveMany: PipelineRun;
  readonly naiveHot: PipelineRun;
  /** The consumers alone: each drains a queue filled with `consumerPostings` postings before it starts. */
  readonly consumerOnly: {
    readonly postings: number;
    readonly many: PipelineRun;
    readonly hot: PipelineRun;
    readonly naiveMany: PipelineRun;
    readonly naiveHot: PipelineRun;
  };
  /** Write actions the consumer aimed at the hot line's control item, per run. */
  readonly hotItemWrites: { readonly pipeline: number; readonly naive: number };
  readonly durations: { readonly pipelineMs: number; readonly naiveMs: number };
}

const AGGREGATING = 'bench/consumers/aggregating.ts';
const ONE_BY_ONE = 'bench/consumers/one-by-one.ts';

let measured: Promise<PipelineMeasurements> | undefined;

/**
 * Figures 1 and 2 come from the same runs: measured once (by whichever section asks first) and
 * shared. Four sustained runs on one stack: the pipeline and the naive consumer, each on many lines
 * of many governments and on one hot line.
 */
export function pipelineMeasurements(context: SectionContext): Promise<PipelineMeasurements> {
  measured ??= measure(context);
  return measured;
}

async function measure(context: SectionContext): Promise<PipelineMeasurements> {
  requireRoute('createCommitment', 'execution, issue 5');
  requireRoute('allotBudget', 'budget, issue 4');
  const quick = context.quick;
  const governments = quick ? 10 : 243;
  const linesPerGovernment = quick ? 5 : 9;
  // Fifth pass (issue #21, the 20-minute run): 30 s of sustained load (was 60) and 10 s of the naive
  // consumer (was 20) give 3,000–6,000 and ~1,200–2,400 applied postings per run, after a warm-up; the
  // rate is a steady state, so halving the window halves the run and its drain, not the figure.
  const pipelineMs = quick ? 4_000 : 30_000;
  const naiveMs = quick ? 2_000 : 10_000;
  const consumerPostings = quick ? 600 : 3_000;
  return withEmbeddedStack(async () => {
    const raw = await measureRawWriteCeiling(quick ? 5_000 : 20_000);
    context.log(`raw ceiling ${Math.round(raw.itemsPerSecond)} items/s`);
    const api = await startLocalApi();
    try {
      context.log(`preparing ${governments} final budgets`);
      const prepared = await prepareGovernments(api, zipfGovernments().slice(0, governments), linesPerGovernment, 1_000_000_000_000);
      const targets: LineTarget[] = shuffle(prepared.flatMap(({ gov, lineIds }) => lineIds.map((lineId) => ({ gov, lineId }))));
      const hotTarget = targets[0] as LineTarget;
      const hotKeys = new Set([keyString(lineControlKey(hotTarget.gov, FISCAL_YEAR, hotTarget.lineId))]);
      const meter = meterDynamo(dynamoClient(), hotKeys);
      const run = async (label: string, consumer: string, runTargets: readonly LineTarget[], durationMs: number) => {
        context.log(`${label}: ${Math.round(durationMs / 1000)} s on ${runTargets.length} line(s)`);
        const result = await runPipeline({
          api,
          meter,
          consumer,
          targets: runTargets,
          durationMs,
          clients: 32,
          consumerConcurrency: 4,
          label,
        });
        context.log(`${label}: ${result.applied} applied, ${Math.round(result.appliedPerSecond)}/s, lost ${result.lost}`);
        return result;
      };
      const drain = async (label: string, consumer: string, runTargets: readonly LineTarget[]) => {
        const result = await runPipeline({
          api,
          meter,
          consumer,
          targets: runTargets,
          durationMs: 600_000,
          maxRequests: consumerPostings,
          consumeAfterSending: true,
          // The drain is the figure: the queue is filled as the API fills it, without the API's 15–20 s.
          queueDirectly: true,
          clients: 32,
          consumerConcurrency: 4,
          label,
        });
        context.log(`${label}: drained ${result.applied} in ${Math.round(result.drainMs)} ms, ${Math.round(result.drainedPerSecond)}/s`);
        return result;
      };
      // Not measured: the first requests of a process pay for loading and compiling the handlers.
      await run('warm-up', AGGREGATING, targets, quick ? 1_000 : 3_000);
      const many = await run('pipeline-many', AGGREGATING, targets, pipelineMs);
      const hot = await run('pipeline-hot', AGGREGATING, [hotTarget], pipelineMs);
      const naiveMany = await run('naive-many', ONE_BY_ONE, targets, naiveMs);
      const naiveHot = await run('naive-hot', ONE_BY_ONE, [hotTarget], naiveMs);
      const consumerOnly = {
        postings: consumerPostings,
        many: await drain('consumer-many', AGGREGATING, targets),
        hot: await drain('consumer-hot', AGGREGATING, [hotTarget]),
        naiveMany: await drain('naive-consumer-many', ONE_BY_ONE, targets),
        naiveHot: await drain('naive-consumer-hot', ONE_BY_ONE, [hotTarget]),
      };
      meter.detach();
      return {
        raw,
        lines: targets.length,
        governments,
        many,
        hot,
        naiveMany,
        naiveHot,
        consumerOnly,
        hotItemWrites: {
          pipeline: hot.dynamo.consumer.hotKeyWrites.transactional,
          naive: naiveHot.dynamo.consumer.hotKeyWrites.transactional,
        },
        durations: { pipelineMs, naiveMs },
      };
    } finally {
      await api.stop();
    }
  });
}

/** Deterministic shuffle, so the order of lines does not follow the order of governments. */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
