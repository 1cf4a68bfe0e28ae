import { inParallel } from './concurrency.ts';

export interface HttpCall {
  readonly method?: string;
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One request over real HTTP; the body is read in full (the latency includes it). */
export async function httpCall(baseUrl: string, call: HttpCall): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${call.path}`, {
    method: call.method ?? 'GET',
    headers: {
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
      ...call.headers,
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

export interface ClientsInput {
  readonly baseUrl: string;
  readonly clients: number;
  readonly calls: readonly HttpCall[];
  readonly expectedStatus: number;
}

export interface ClientsOutput {
  /** Milliseconds per answered request, in completion order. */
  readonly latencies: number[];
  readonly failures: number;
  /** Unexpected status codes and transport errors, with counts. */
  readonly unexpected: Record<string, number>;
  /** First unexpected answer, for the report. */
  readonly sample?: string;
  readonly elapsedMs: number;
}

/** `clients` concurrent clients, each sending its next call as soon as its previous one is answered. */
export async function runClients(input: ClientsInput): Promise<ClientsOutput> {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let sample: string | undefined;
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await inParallel(input.clients, async () => {
    while (next < input.calls.length) {
      const call = input.calls[next++] as HttpCall;
      const begun = performance.now();
      try {
        const answer = await httpCall(input.baseUrl, call);
        latencies.push(performance.now() - begun);
        if (answer.status !== input.expectedStatus) {
          failures += 1;
          unexpected[answer.status] = (unexpected[answer.status] ?? 0) + 1;
          sample ??= `${call.method ?? 'GET'} ${call.path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        }
      } catch (error) {
        failures += 1;
        const name = (error as Error).name;
        unexpected[name] = (unexpected[name] ?? 0) + 1;
        sample ??= `${call.method ?? 'GET'} ${call.path} → ${(error as Error).message}`;
      }
    }
  });
  return { latencies, failures, unexpected, ...(sample === undefined ? {} : { sample }), elapsedMs: performance.now() - started };
}
