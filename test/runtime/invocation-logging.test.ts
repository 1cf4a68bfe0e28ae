import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { runJob } from '#infra/runtime/scheduler.ts';
import { arrivedAt, release } from '#test/runtime/fixtures/gates.ts';
import { gatedRoute } from '#test/runtime/fixtures/gated-route.ts';
import { captureLogs } from '#test/runtime/fixtures/log-capture.ts';
import type { LogCapture, LogLine } from '#test/runtime/fixtures/log-capture.ts';

// The tests run the handlers' logger silent; this file reads its output. Set before the logger is
// created, as Powertools goes back to the configured level at every invocation.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

interface HandlerLogLine extends LogLine {
  readonly gate?: string;
  readonly function_name?: string;
  readonly function_request_id?: string;
  readonly cold_start?: boolean;
  readonly requestId?: string;
  readonly operation?: string;
}

const ROUTE_FUNCTION = 'hojo-test-runtime-fixtures-gated-route.ts';
const JOB_FUNCTION = 'hojo-test-runtime-fixtures-gated-job.ts';
const gatedJob = { name: 'gated', description: 'test', cron: '0 0 1 1 ? 2099', handler: 'test/runtime/fixtures/gated-job.ts' };

let runtime: Runtime;
let logs: LogCapture;

beforeAll(async () => {
  runtime = await startRuntime({ port: 0, routes: [gatedRoute], pollQueues: false, runSchedules: false });
  logs = captureLogs();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await runtime.stop();
});

/** The handlers' log lines (the runtime's own logger is another service). */
const handlerLines = (): HandlerLogLine[] => logs.lines().filter((line) => line.service === 'hojo');

describe('each invocation logs as itself', () => {
  it('overlapping requests and a job each carry their own function name, request id, keys and cold start', async () => {
    // A waits mid-handler while the job and B start; then each finishes in turn.
    const a = fetch(`${runtime.url}/gated/a`);
    await arrivedAt('a');
    const job = runJob(gatedJob, { gate: 'j' });
    await arrivedAt('j');
    const b = fetch(`${runtime.url}/gated/b`);
    await arrivedAt('b');
    release('a');
    const responseA = await a;
    release('j');
    await job;
    release('b');
    const responseB = await b;
    const idA = responseA.headers.get('apigw-requestid');
    const idB = responseB.headers.get('apigw-requestid');
    expect(idA).toBeTruthy();
    expect(idB).not.toBe(idA);

    const lines = handlerLines();
    // The middleware's closing line names the request, not the gate.
    const routeLines = (gate: string, requestId: string | null) =>
      lines.filter((l) => l.gate === gate || (l.message === 'request completed' && l.requestId === requestId));
    const linesA = routeLines('a', idA);
    const linesB = routeLines('b', idB);
    const linesJ = lines.filter((l) => l.gate === 'j');
    expect(linesA.map((l) => l.message)).toEqual(['route before gate', 'route after gate', 'request completed']);
    expect(linesB.map((l) => l.message)).toEqual(['route before gate', 'route after gate', 'request completed']);
    expect(linesJ.map((l) => l.message)).toEqual(['job before gate', 'job after gate']);
    // Every line of the handlers is one of these three invocations.
    expect(lines).toHaveLength(linesA.length + linesB.length + linesJ.length);

    for (const line of linesA)
      expect(line, line.message).toMatchObject({
        function_name: ROUTE_FUNCTION,
        function_request_id: idA,
        requestId: idA,
        cold_start: true,
      });
    for (const line of linesB)
      expect(line, line.message).toMatchObject({
        function_name: ROUTE_FUNCTION,
        function_request_id: idB,
        requestId: idB,
        cold_start: false,
      });
    const jobRequestId = linesJ[0]?.function_request_id;
    expect(jobRequestId).toBeTruthy();
    for (const line of linesJ) {
      expect(line, line.message).toMatchObject({ function_name: JOB_FUNCTION, function_request_id: jobRequestId, cold_start: true });
      // The keys a route handler appends (request id, operation) stay with that route's invocation.
      expect(line).not.toHaveProperty('requestId');
      expect(line).not.toHaveProperty('operation');
    }
    expect([idA, idB]).not.toContain(jobRequestId);
  });
});
