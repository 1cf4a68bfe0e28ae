import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { appliedLatencies } from '../consumers/timed.ts';
import { requireRoute } from '../harness/availability.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { prepareLineTargets } from '../harness/execution-fixture.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { runPipeline } from '../harness/pipeline-run.ts';
import type { LineTarget } from '../harness/pipeline-run.ts';
import { goal } from '../harness/report.ts';
import type { Section } from '../harness/section.ts';
import { issue21Goals } from '../harness/issue-goals.ts';
import { percentile, perSecond, round } from '../harness/stats.ts';

/**
 * The real peak rate of postings: the peak day of section 3 (660,000 operations, 40% of them
 * commitments and assessments) spread over an 8-hour working day = 9.2 postings/s nationally.
 */
const PEAK_DAY_POSTINGS = 660_000 * 0.4;
const REAL_PEAK_PER_SECOND = PEAK_DAY_POSTINGS / (8 * 3600);
const RUSH_FACTOR = 10;
/** DynamoDB's write limit of one partition. */
const PARTITION_WCU = 1_000;

/**
 * 10. The year-end rush (issue #21): the December pattern — 30% of a year's expenditure postings in
 * its last two weeks, on many lines of the same governments — replayed as commitments at 10× the
 * real peak rate (paced clients) on the many lines of a few governments, the consumer running.
 * Zero loss on the books, accept p99, accept→applied p99 (timed consumer, every applied posting),
 * and the hottest partitions' write units per second against the 1,000 WCU/s partition limit, as
 * measured at the rate this machine reached and projected to the rush rate.
 */
export const yearEndRush: Section = {
  id: '10',
  title: 'Year-end rush (10× the peak rate on a few governments)',
  budgetMs: { quick: 240_000, full: 600_000 },
  // idle 2026-12-01: 81.8 s
  shareMs: 85_000,
  async run(context) {
    requireRoute('createCommitment', 'execution, issue 5');
    const quick = context.quick;
    const governments = quick ? 3 : 10;
    const linesPerGovernment = quick ? 21 : 51;
    const rushMs = quick ? 10_000 : 60_000;
    const rate = REAL_PEAK_PER_SECOND * RUSH_FACTOR;
    await withEmbeddedStack(async () => {
      const api = await startLocalApi();
      try {
        const targets: LineTarget[] = await prepareLineTargets(api, governments, linesPerGovernment, context.log);
        const meter = meterDynamo(dynamoClient());
        const options = { api, meter, consumer: 'bench/consumers/timed.ts', targets, clients: 64, consumerConcurrency: 4 };
        await runPipeline({ ...options, durationMs: quick ? 1_000 : 3_000, label: 'rush-warm-up' });
        appliedLatencies.length = 0;
        context.log(`rush: ${round(rate)} postings/s asked for ${rushMs / 1000} s on ${targets.length} lines`);
        const run = await runPipeline({ ...options, durationMs: rushMs, ratePerSecond: rate, label: 'rush' });
        meter.detach();
        const sent = perSecond(run.accepted, run.sendMs);
        const appliedP99 = percentile(appliedLatencies, 99);
        context.figure({
          name: 'asked rate (10× the real peak)',
          value: round(rate, 1),
          unit: 'postings/s',
          note: `real peak ${round(REAL_PEAK_PER_SECOND, 1)}/s: ${PEAK_DAY_POSTINGS} postings of the peak day over 8 working hours; ${governments} governments × ${linesPerGovernment - 1} lines`,
        });
        context.figure({ name: 'accepted rate reached', value: round(sent, 1), unit: 'postings/s', note: `${run.accepted} accepted` });
        context.figure({ name: 'applied / accepted / lost', value: `${run.applied} / ${run.accepted} / ${run.lost}`, unit: '' });
        context.figure({
          name: 'accept p50 / p99',
          value: `${round(run.acceptLatencyP50)} / ${round(run.acceptLatencyP99)}`,
          unit: 'ms',
        });
        context.figure({
          name: 'accept→applied p50 / p99',
          value: `${round(percentile(appliedLatencies, 50))} / ${round(appliedP99)}`,
          unit: 'ms',
          note: `${appliedLatencies.length} postings timed`,
        });
        const seconds = run.endToEndMs / 1000;
        const hottest = Object.entries(run.dynamo.total.byPartition)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5);
        const projection = sent > 0 ? rate / sent : Number.NaN;
        // The clients cycle through the lines of every government in turn: each government gets an equal share.
        const perGovernment = Math.max(1, run.applied / governments);
        for (const [partition, units] of hottest) {
          const perPosting = units / perGovernment;
          context.figure({
            name: `hot partition ${partition.replace(/#\d{5}#/, '#{gov}#')} (${partition.match(/#(\d{5})#/)?.[1] ?? ''})`,
            value: round(units / seconds, 1),
            unit: 'WCU/s',
            note: `${round(perPosting, 2)} WRU per posting of its government; at the asked rate ${round((units / seconds) * projection)} WCU/s of ${PARTITION_WCU}; caps one government at ${round(PARTITION_WCU / perPosting)} postings/s`,
          });
        }
        const worst = hottest[0];
        context.goal(
          goal(
            issue21Goals.rushLoss.text,
            run.lost,
            (n) => n === 0,
            (n) => `lost ${n} of ${run.accepted}`,
          ),
        );
        context.goal(
          goal(
            issue21Goals.rushPartition.text,
            worst ? (worst[1] / seconds) * projection : undefined,
            (wcu) => wcu < PARTITION_WCU,
            (wcu) => `${round(wcu)} WCU/s (${worst?.[0].replace(/#\d{5}#/, '#{gov}#')})`,
          ),
        );
        context.goal(
          goal(
            issue21Goals.rushRate.text,
            sent / rate,
            (share) => share >= 0.95,
            (share) =>
              `${round(sent, 1)} of ${round(rate, 1)} postings/s (${round(share * 100)}%); accept p99 ${round(run.acceptLatencyP99)} ms, accept→applied p99 ${round(appliedP99)} ms`,
          ),
        );
        context.note(
          '10: commitments dated in the fixture’s first quarter (the write pattern does not depend on the date; audit partitions follow the time of acceptance); the consumer is the project’s, timed (bench/consumers/timed.ts)',
        );
      } finally {
        await api.stop();
      }
    });
  },
};
