import { getGovernment } from '#shared/routes/registry.ts';
import { getBudgetLineHistory, getBudgetLineStatus } from '#shared/routes/budget.ts';
import { getFundStatus, getNationalExecutionRate, getNationalFundStatus, listLedger } from '#shared/routes/execution.ts';
import { routeCall } from '../harness/api-client.ts';
import { requireRoute } from '../harness/availability.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { FISCAL_YEAR, prepareGovernments } from '../harness/execution-fixture.ts';
import { seededRandom, zipfGovernments } from '../harness/governments.ts';
import type { HttpCall } from '../harness/http-clients.ts';
import { measureLatency } from '../harness/http-load.ts';
import type { LatencyResult } from '../harness/http-load.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { runPipeline } from '../harness/pipeline-run.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { goal, versus } from '../harness/report.ts';
import type { Section, SectionContext } from '../harness/section.ts';
import { issue21Goals } from '../harness/issue-goals.ts';
import { round } from '../harness/stats.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiCluster } from '#infra/runtime/api-cluster.ts';
import type { ApiCluster } from '#infra/runtime/api-cluster.ts';
import { processCpuMs } from '../harness/process-cpu.ts';

const CLIENTS = 50;

/**
 * 4. API read latency at 50 concurrent clients over real HTTP of the local runtime: one budget
 * line (with its control counters), one line's 집행현황 (issue #14), a page of a line's document ledger
 * (지출부, issue #14: up to 50 lines, one Query of its index), one government's fund status, the
 * nationwide fund status and the nationwide execution rate per government (issue #14).
 * The books hold final budgets and a few seconds of applied postings. Baseline: the registry's
 * single-item read (GET /governments/{gov}) under the same load.
 */
export const readLatency: Section = {
  id: '4',
  title: 'API read latency (50 concurrent clients)',
  budgetMs: { quick: 55_000, full: 240_000 },
  // idle 2026-12-01: 92 s with 3,000 requests per read, now 2,000
  shareMs: 75_000,
  async run(context) {
    requireRoute('getBudgetLineHistory', 'budget, issue 4');
    requireRoute('getFundStatus', 'execution, issue 5');
    requireRoute('getNationalFundStatus', 'execution, issue 5');
    // 2,000 requests per read (was 3,000): the p99 is still the 20th slowest request.
    const requests = context.quick ? 300 : 2_000;
    const governments = context.quick ? 10 : 60;
    // One issuer key on disk: the clustered API's workers accept the tokens this process signs.
    const dataDir = await mkdtemp(join(tmpdir(), 'hojo-bench-reads-'));
    await withEmbeddedStack(async ({ enginePid }) => {
      const api = await startLocalApi({ dataDir });
      try {
        const prepared = await prepareGovernments(api, zipfGovernments().slice(0, governments), 4, 1_000_000_000);
        const meter = meterDynamo(dynamoClient());
        const targets = prepared.flatMap(({ gov, lineIds }) => lineIds.map((lineId) => ({ gov, lineId })));
        await runPipeline({
          api,
          meter,
          consumer: 'bench/consumers/aggregating.ts',
          targets,
          durationMs: context.quick ? 1_000 : 10_000,
          clients: 16,
          consumerConcurrency: 4,
          label: 'reads-fixture',
        });
        meter.detach();

        const random = seededRandom(7);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
        const reader = new Map<string, string>();
        for (const { gov } of prepared) reader.set(gov, await api.token({ sub: `bench-reader-${gov}`, roles: ['budget_officer'], gov }));
        const ministry = await api.token({ sub: 'bench-ministry', roles: ['ministry'] });
        const calls = (make: () => HttpCall) => Array.from({ length: requests }, make);
        const measure = async (name: string, make: () => HttpCall, url = api.url): Promise<LatencyResult> => {
          await measureLatency(url, CLIENTS, calls(make).slice(0, 200));
          const result = await measureLatency(url, CLIENTS, calls(make));
          context.log(`${name}: p99 ${round(result.p99, 1)} ms, ${round(result.requestsPerSecond)} req/s, ${result.failures} failed`);
          context.figure({
            name: `${name}: p50 / p95 / p99`,
            value: `${round(result.p50, 1)} / ${round(result.p95, 1)} / ${round(result.p99, 1)}`,
            unit: 'ms',
          });
          context.figure({ name: `${name}: throughput`, value: round(result.requestsPerSecond), unit: 'req/s' });
          if (result.failures > 0)
            context.note(
              `${name}: ${result.failures} unexpected answers: ${JSON.stringify(result.unexpected)}; first: ${result.sample ?? ''}`,
            );
          return result;
        };
        const baseline = await measure('registry read (baseline)', () => routeCall(getGovernment, { params: { gov: pick(prepared).gov } }));
        const line = await measure('budget line', () => {
          const { gov, lineIds } = pick(prepared);
          return routeCall(getBudgetLineHistory, { params: { gov, year: FISCAL_YEAR, lineId: pick(lineIds) } }, reader.get(gov));
        });
        // issue #14: the live 집행현황 of a line (one read of its control item)
        const lineStatusCall = () => {
          const { gov, lineIds } = pick(prepared);
          return routeCall(getBudgetLineStatus, { params: { gov, year: FISCAL_YEAR, lineId: pick(lineIds) } }, reader.get(gov));
        };
        const status = await measure('line status (집행현황)', lineStatusCall);
        // issue #14: a page of a line's 지출부 (one Query of the document-ledger index, with its page totals)
        const ledger = await measure('ledger page (지출부)', () => {
          const { gov, lineIds } = pick(prepared);
          return routeCall(
            listLedger,
            { params: { gov, year: FISCAL_YEAR }, query: { by: 'line', id: pick(lineIds), limit: '50' } },
            reader.get(gov),
          );
        });
        const fundStatusCall = () => {
          const { gov } = pick(prepared);
          return routeCall(getFundStatus, { params: { gov, year: FISCAL_YEAR } }, reader.get(gov));
        };
        const fund = await measure('fund status', fundStatusCall);
        const national = await measure('nationwide fund status', () =>
          routeCall(getNationalFundStatus, { params: { year: FISCAL_YEAR } }, ministry),
        );
        const rate = await measure('nationwide execution rate', () =>
          routeCall(getNationalExecutionRate, { params: { year: FISCAL_YEAR } }, ministry),
        );

        const p99Baseline = { name: 'registry read p99', value: round(baseline.p99, 1), unit: 'ms' };
        for (const [name, result] of [
          ['budget line', line],
          ['line status (집행현황)', status],
          ['ledger page (지출부)', ledger],
          ['fund status', fund],
          ['nationwide fund status', national],
          ['nationwide execution rate', rate],
        ] as const) {
          context.figure(versus({ name: `${name}: p99 vs the registry read`, value: round(result.p99, 1), unit: 'ms' }, p99Baseline));
        }
        const worst = Math.max(line.p99, status.p99, ledger.p99, fund.p99);
        context.goal(
          goal(
            'p99 reads under 20 ms (budget line, line status, ledger page, fund status)',
            worst,
            (v) => v < 20,
            (v) => `worst p99 ${round(v, 1)} ms`,
          ),
        );
        context.goal(
          goal(
            'nationwide summaries under 50 ms (p99: fund status, execution rate)',
            Math.max(national.p99, rate.p99),
            (v) => v < 50,
            (v) => `p99 ${round(v, 1)} ms`,
          ),
        );
        context.note(
          `${requests} requests per read at ${CLIENTS} clients, ${governments} governments; with one API process, latency ≈ clients ÷ throughput (Little's law), so p99 here mostly measures queueing in the single event loop`,
        );
        await measureClustered(context, dataDir, enginePid, { status: [lineStatusCall, status], fund: [fundStatusCall, fund] }, measure);
      } finally {
        await api.stop();
      }
    }).finally(() => rm(dataDir, { recursive: true, force: true }));
  },
};

type Measure = (name: string, make: () => HttpCall, url?: string) => Promise<LatencyResult>;

/**
 * Issue #21: the same two reads (a line's 집행현황, fund status) from the clustered runtime
 * (`npm start -- --workers N`, one API process per core, as an on-prem host runs it), beside the
 * single process's figures of this run. BENCH_API_WORKERS overrides N. Each read's CPU time per
 * request (the API workers, the engines' process, this process's load generator) is printed too:
 * unlike the latencies it does not depend on what else the machine runs, and with Little's law it
 * bounds what the cores can reach (`cores × 1000 / CPU ms per request` requests/s; at 50 clients
 * the mean latency is at least 50 ÷ that rate).
 */
async function measureClustered(
  context: SectionContext,
  dataDir: string,
  enginePid: number | undefined,
  reads: { readonly status: readonly [() => HttpCall, LatencyResult]; readonly fund: readonly [() => HttpCall, LatencyResult] },
  measure: Measure,
): Promise<void> {
  const workers = Number(process.env.BENCH_API_WORKERS ?? availableParallelism());
  const cluster = await startApiCluster({ workers, port: 0, host: '127.0.0.1', dataDir });
  try {
    const costed = async (name: string, make: () => HttpCall) => {
      const before = await cpuSnapshot(cluster, enginePid);
      const result = await measure(`${name}, ${workers} API workers`, make, cluster.url);
      const after = await cpuSnapshot(cluster, enginePid);
      const served = after.served - before.served;
      const per = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? Number.NaN : (b - a) / served);
      const api = per(before.api, after.api);
      const engines = per(before.engines, after.engines);
      const load = per(before.load, after.load);
      const total = api + (Number.isNaN(engines) ? 0 : engines) + load;
      const ceiling = (availableParallelism() * 1000) / total;
      context.figure({
        name: `${name}: CPU per request (API workers + engines + load generator)`,
        value: round(total, 2),
        unit: 'ms',
        note: `API ${round(api, 2)} + engines ${round(engines, 2)} + load generator ${round(load, 2)} ms over ${served} requests; ${availableParallelism()} cores at most ${round(ceiling)} req/s, so at ${CLIENTS} clients a mean latency of at least ${round((CLIENTS / ceiling) * 1000, 1)} ms`,
      });
      return result;
    };
    const status = await costed('line status (집행현황)', reads.status[0]);
    const fund = await costed('fund status', reads.fund[0]);
    for (const [name, clustered, single] of [
      ['line status (집행현황)', status, reads.status[1]],
      ['fund status', fund, reads.fund[1]],
    ] as const) {
      context.figure(
        versus(
          { name: `${name}: p99, ${workers} API workers vs one process`, value: round(clustered.p99, 1), unit: 'ms' },
          { name: 'one process p99', value: round(single.p99, 1), unit: 'ms' },
        ),
      );
    }
    const shares = (await cluster.stats()).map((worker) => worker.served);
    context.note(`clustered runtime, ${workers} API workers (node:cluster, one port): requests per worker ${shares.join(' / ')}`);
    context.goal(
      goal(
        `${issue21Goals.reads.text} (clustered runtime, ${workers} API workers)`,
        Math.max(status.p99, fund.p99),
        (v) => v < 50,
        (v) => `worst p99 ${round(v, 1)} ms (one process: ${round(Math.max(reads.status[1].p99, reads.fund[1].p99), 1)} ms)`,
      ),
    );
  } finally {
    await cluster.stop();
  }
}

/** CPU time so far (ms) of the API workers, the engines' process and this process (the load generator's thread is in it). */
async function cpuSnapshot(cluster: ApiCluster, enginePid: number | undefined) {
  const workers = await cluster.stats();
  const own = process.cpuUsage();
  return {
    served: workers.reduce((sum, w) => sum + w.served, 0),
    api: workers.reduce((sum, w) => sum + w.cpuMs, 0),
    engines: enginePid === undefined ? undefined : await processCpuMs(enginePid),
    load: (own.user + own.system) / 1000,
  };
}
