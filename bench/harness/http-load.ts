import { Worker } from 'node:worker_threads';
import type { ClientsInput, ClientsOutput, HttpCall } from './http-clients.ts';
import { percentile } from './stats.ts';

export interface LatencyResult {
  readonly requests: number;
  readonly succeeded: number;
  readonly elapsedMs: number;
  readonly failures: number;
  readonly unexpected: Readonly<Record<string, number>>;
  readonly sample?: string;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly requestsPerSecond: number;
}

/**
 * Latency of `calls` sent by `clients` concurrent clients over real HTTP. The clients run in a
 * worker thread, so their own CPU does not sit in the API's event loop.
 */
export async function measureLatency(
  baseUrl: string,
  clients: number,
  calls: readonly HttpCall[],
  expectedStatus = 200,
): Promise<LatencyResult> {
  return sendLoad({ baseUrl, clients, calls, expectedStatus });
}

/** The general form: cycling for a duration, unique headers per request (see ClientsInput). */
export async function sendLoad(input: ClientsInput): Promise<LatencyResult> {
  const output = await inWorker(input);
  return {
    requests: output.sent,
    succeeded: output.succeeded,
    elapsedMs: output.elapsedMs,
    failures: output.failures,
    unexpected: output.unexpected,
    ...(output.sample === undefined ? {} : { sample: output.sample }),
    p50: percentile(output.latencies, 50),
    p95: percentile(output.latencies, 95),
    p99: percentile(output.latencies, 99),
    max: percentile(output.latencies, 100),
    requestsPerSecond: (output.sent * 1000) / output.elapsedMs,
  };
}

function inWorker(input: ClientsInput): Promise<ClientsOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (output: ClientsOutput) => {
      resolve(output);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with code ${code} before answering`)));
  });
}
