/**
 * `node bench/profile/read-profile.ts [--requests=1000] [--clients=50] [--cpu-profile=DIR]`: where a
 * read of the API spends its CPU (issue #21: line status and fund status at 50 clients). One API
 * process on a fresh embedded stack with 4 governments × 4 lines (final budgets through the API),
 * then `requests` reads of a line's 집행현황 and of fund status; prints CPU per request of this
 * process's main thread (the API), of the load generator and of the engines, and with
 * --cpu-profile writes the API's CPU profile of each read (summarise-cpu-profile.ts).
 */
import '../harness/bench-env.ts';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getBudgetLineStatus } from '#shared/routes/budget.ts';
import { getFundStatus } from '#shared/routes/execution.ts';
import { routeCall } from '../harness/api-client.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { FISCAL_YEAR, prepareGovernments } from '../harness/execution-fixture.ts';
import { zipfGovernments } from '../harness/governments.ts';
import { measureLatency } from '../harness/http-load.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { processCpuMs } from '../harness/process-cpu.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '1000' }, clients: { type: 'string', default: '50' }, 'cpu-profile': { type: 'string' } },
});
const requests = Number(values.requests);
const clients = Number(values.clients);
const profileDir = values['cpu-profile'];

await withEmbeddedStack(async ({ enginePid }) => {
  const api = await startLocalApi();
  try {
    const prepared = await prepareGovernments(api, zipfGovernments().slice(0, 4), 4, 1_000_000_000);
    const tokens = new Map<string, string>();
    for (const { gov } of prepared) tokens.set(gov, await api.token({ sub: `reader-${gov}`, roles: ['budget_officer'], gov }));
    const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
    const reads = {
      'line status': (i: number) => {
        const { gov, lineIds } = pick(prepared, i);
        return routeCall(getBudgetLineStatus, { params: { gov, year: FISCAL_YEAR, lineId: pick(lineIds, i) } }, tokens.get(gov));
      },
      'fund status': (i: number) => {
        const { gov } = pick(prepared, i);
        return routeCall(getFundStatus, { params: { gov, year: FISCAL_YEAR } }, tokens.get(gov));
      },
    };
    for (const [name, make] of Object.entries(reads)) {
      const calls = Array.from({ length: requests }, (_, i) => make(i));
      await measureLatency(api.url, clients, calls.slice(0, 200));
      const session = profileDir ? new Session() : undefined;
      session?.connect();
      await session?.post('Profiler.enable');
      await session?.post('Profiler.start');
      const own = process.cpuUsage();
      const main = process.threadCpuUsage();
      const engines = enginePid === undefined ? undefined : await processCpuMs(enginePid);
      const result = await measureLatency(api.url, clients, calls);
      const ownMs = ((u) => (u.user + u.system) / 1000)(process.cpuUsage(own));
      const mainMs = ((u) => (u.user + u.system) / 1000)(process.threadCpuUsage(main));
      const enginesMs = engines === undefined ? Number.NaN : ((await processCpuMs(enginePid!)) ?? Number.NaN) - engines;
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        await writeFile(join(profileDir!, `${name.replace(' ', '-')}.cpuprofile`), JSON.stringify(profile));
        session.disconnect();
      }
      const per = (ms: number) => (ms / requests).toFixed(2);
      process.stdout.write(
        `${name}: ${requests} at ${clients} clients, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.failures} failed; ` +
          `CPU per request: API (main thread) ${per(mainMs)} ms, load generator ${per(ownMs - mainMs)} ms, engines ${per(enginesMs)} ms\n`,
      );
    }
  } finally {
    await api.stop();
  }
});
process.exit(0);
