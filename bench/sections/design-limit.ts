import type { JSONWebKeySet } from 'jose';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { appliedLatencies } from '../consumers/timed.ts';
import { requireRoute } from '../harness/availability.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { prepareLineTargets } from '../harness/execution-fixture.ts';
import { sendLoad } from '../harness/http-load.ts';
import { startLocalApi } from '../harness/local-api.ts';
import type { LocalApi } from '../harness/local-api.ts';
import { drainMinimal } from '../harness/minimal-apply.ts';
import { startMinimalAccept } from '../harness/minimal-accept.ts';
import { commitmentCalls, runPipeline } from '../harness/pipeline-run.ts';
import type { LineTarget, PipelineRunOptions } from '../harness/pipeline-run.ts';
import { goal, versus } from '../harness/report.ts';
import { writeBreakdownFigures } from '../harness/write-breakdown.ts';
import type { Section } from '../harness/section.ts';
import { issue21Goals } from '../harness/issue-goals.ts';
import { percentile, perSecond, round } from '../harness/stats.ts';

const AGGREGATING = 'bench/consumers/aggregating.ts';
const TIMED = 'bench/consumers/timed.ts';
const CLIENTS = 32;
const CONSUMER_CONCURRENCY = 4;
const LOAD_FRACTIONS = [0.25, 0.5, 0.9] as const;

/**
 * 9. The limit of the design (issue #21), every rate measured in the same run on the same engines:
 * hojo's accept rate (the queue filling, no consumer) beside a minimal accept server
 * (minimal-accept.ts), hojo's consumer draining that full queue beside a minimal apply consumer
 * (minimal-apply.ts), the end-to-end maximum (accept and consumer together), and accept→applied
 * latency at 25, 50 and 90% of that maximum (paced clients; latency from the API receiving a
 * posting to its batch's transaction returning, for every applied posting).
 */
export const designLimit: Section = {
  id: '9',
  title: 'Limit of the design (minimal baselines, accept→applied latency)',
  budgetMs: { quick: 300_000, full: 900_000 },
  // idle 2026-12-01: 232 s with 30 s runs, now 15 s (latency 20 s)
  shareMs: 165_000,
  async run(context) {
    requireRoute('createCommitment', 'execution, issue 5');
    const quick = context.quick;
    const governments = quick ? 10 : 60;
    const linesPerGovernment = quick ? 5 : 9;
    // Rates over 15 s (1,500–3,300 postings) and latencies over 20 s (≥ 320 postings timed at 25%),
    // down from 30 and 30 s for the 20-minute run (issue #21).
    const runMs = quick ? 4_000 : 15_000;
    const latencyMs = quick ? 5_000 : 20_000;
    await withEmbeddedStack(async () => {
      const api = await startLocalApi();
      const minimal = await startMinimalAccept(devJwks(api.runtime), `bench-minimal-${Date.now().toString(36)}`);
      try {
        const targets: LineTarget[] = await prepareLineTargets(api, governments, linesPerGovernment, context.log);
        const meter = meterDynamo(dynamoClient());
        const pipeline = (label: string, options: Partial<PipelineRunOptions>) =>
          runPipeline({
            api,
            meter,
            consumer: AGGREGATING,
            targets,
            durationMs: runMs,
            clients: CLIENTS,
            consumerConcurrency: CONSUMER_CONCURRENCY,
            label,
            ...options,
          });
        await pipeline('limit-warm-up', { durationMs: quick ? 1_000 : 3_000 });

        context.log('hojo: accept alone, then its consumer drains the full queue');
        const hojo = await pipeline('limit-hojo', { consumeAfterSending: true });
        const hojoAccept = perSecond(hojo.accepted, hojo.sendMs);
        context.log(`hojo: accepted ${round(hojoAccept)}/s, applied ${round(hojo.drainedPerSecond)}/s, lost ${hojo.lost}`);

        context.log('minimal: accept alone, then the minimal consumer drains its queue');
        const calls = await commitmentCalls(api, targets);
        const minimalLoad = await sendLoad({
          baseUrl: minimal.url,
          clients: CLIENTS,
          calls,
          expectedStatus: 202,
          durationMs: runMs,
          uniqueHeader: { name: 'idempotency-key', prefix: `limit-minimal-${Date.now().toString(36)}` },
        });
        const minimalAccept = perSecond(minimalLoad.succeeded, minimalLoad.elapsedMs);
        const minimalDrain = await drainMinimal(minimal.queueUrl, minimalLoad.succeeded, CONSUMER_CONCURRENCY, 120_000);
        context.log(`minimal: accepted ${round(minimalAccept)}/s, applied ${round(minimalDrain.perSecond)}/s`);

        const acceptBaseline = { name: 'minimal accept', value: round(minimalAccept), unit: 'postings/s' };
        const applyBaseline = { name: 'minimal apply', value: round(minimalDrain.perSecond), unit: 'postings/s' };
        context.figure({
          name: 'minimal accept (baseline): accepted',
          value: round(minimalAccept),
          unit: 'postings/s',
          note: `${minimalLoad.succeeded} in ${round(minimalLoad.elapsedMs / 1000, 1)} s, p99 ${round(minimalLoad.p99, 1)} ms, refused ${minimalLoad.failures}`,
        });
        context.figure({
          name: 'minimal apply (baseline): drains a full queue',
          value: round(minimalDrain.perSecond),
          unit: 'postings/s',
          note: `${minimalDrain.applied} in ${minimalDrain.transactions} transactions`,
        });
        context.figure(
          versus(
            {
              name: 'hojo accept (queue filling, no consumer)',
              value: round(hojoAccept),
              unit: 'postings/s',
              note: `${hojo.accepted} accepted, p50 ${round(hojo.acceptLatencyP50, 1)} ms, p99 ${round(hojo.acceptLatencyP99, 1)} ms`,
            },
            acceptBaseline,
          ),
        );
        context.figure(
          versus(
            {
              name: 'hojo apply (its consumer drains the full queue)',
              value: round(hojo.drainedPerSecond),
              unit: 'postings/s',
              note: `${hojo.applied} applied, lost ${hojo.lost}`,
            },
            applyBaseline,
          ),
        );

        context.log('end to end: accept and consumer together, clients unpaced');
        const endToEnd = await pipeline('limit-max', {});
        const maximum = endToEnd.appliedPerSecond;
        writeBreakdownFigures(context, 'end to end, many lines', endToEnd.dynamo, endToEnd.applied);
        context.figure({
          name: 'hojo end to end (measured maximum)',
          value: round(maximum),
          unit: 'postings/s',
          note: `${endToEnd.applied} applied of ${endToEnd.accepted} accepted, lost ${endToEnd.lost}`,
        });

        let lost = hojo.lost + endToEnd.lost;
        let p99AtHalf: number | undefined;
        for (const fraction of LOAD_FRACTIONS) {
          const rate = maximum * fraction;
          appliedLatencies.length = 0;
          const run = await pipeline(`limit-latency-${fraction * 100}`, { consumer: TIMED, durationMs: latencyMs, ratePerSecond: rate });
          lost += run.lost;
          const p50 = percentile(appliedLatencies, 50);
          const p99 = percentile(appliedLatencies, 99);
          if (fraction === 0.5) p99AtHalf = p99;
          context.log(`${fraction * 100}%: ${round(rate)}/s asked, p50 ${round(p50)} ms, p99 ${round(p99)} ms`);
          context.figure({
            name: `accept→applied at ${fraction * 100}% of the maximum (${round(rate)}/s): p50 / p99`,
            value: `${round(p50)} / ${round(p99)}`,
            unit: 'ms',
            note: `${appliedLatencies.length} postings timed, sent ${round(perSecond(run.accepted, run.sendMs))}/s, accept p50 ${round(run.acceptLatencyP50, 1)} ms, lost ${run.lost}`,
          });
        }
        meter.detach();
        context.goal(
          goal(
            issue21Goals.acceptRatio.text,
            hojoAccept / minimalAccept,
            (ratio) => ratio >= 0.7,
            (ratio) => `${round(ratio, 2)}× (${round(hojoAccept)} vs ${round(minimalAccept)}/s)`,
          ),
        );
        context.goal(
          goal(
            issue21Goals.latencyAtHalf.text,
            p99AtHalf,
            (ms) => ms <= 1_000,
            (ms) => `${round(ms)} ms`,
          ),
        );
        context.goal(
          goal(
            issue21Goals.endToEnd.text,
            endToEnd.lost === 0 ? maximum : 0,
            (perSecond) => perSecond >= 1_000,
            (perSecond) => (endToEnd.lost === 0 ? `${round(perSecond)} applied/s, lost 0` : `lost ${endToEnd.lost}`),
          ),
        );
        context.goal(
          goal(
            'zero loss in every run of this section',
            lost,
            (n) => n === 0,
            (n) => `lost ${n}`,
          ),
        );
        context.note(
          `9: ${governments} governments × ${linesPerGovernment - 1} lines, ${CLIENTS} clients, consumer concurrency ${CONSUMER_CONCURRENCY}; the minimal server answers the same requests with the same two items (request keyed by the derived posting id, audit record) and one SendMessage (no precheck read, no framework); the minimal consumer writes counters and posting records with their journal lines, no audit record, no document, balance or fund-status items`,
        );
        context.note(
          '9: latency runs from the API receiving the request (the receivedAt on the message, ms precision) to the consumer batch returning: the 202→applied an official waits for plus the accept time (its p50 is in the note)',
        );
      } finally {
        await minimal.stop();
        await api.stop();
      }
    });
  },
};

function devJwks(runtime: LocalApi['runtime']): JSONWebKeySet {
  const issuer = runtime.auth.devIssuer;
  if (!issuer) throw new Error('the local runtime has no development issuer');
  return issuer.jwks;
}
