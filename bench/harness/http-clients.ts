import { inParallel } from './concurrency.ts';

export interface HttpCall {
  readonly method?: string;
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Expected status of this call, when it differs from the run's. */
  readonly expect?: number;
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
  /** Keep cycling through `calls` until this much time has passed (instead of sending each once). */
  readonly durationMs?: number;
  /** Stop after this many requests (with durationMs: whichever comes first). */
  readonly maxRequests?: number;
  /** Header given a value unique to each request (e.g. Idempotency-Key), so cycled calls are new postings. */
  readonly uniqueHeader?: { readonly name: string; readonly prefix: string };
  /**
   * Paced: the n-th request is not sent before n / ratePerSecond seconds from the start (an open
   * loop as long as a client is free; behind schedule, the clients send as fast as they can).
   */
  readonly ratePerSecond?: number;
}

export interface ClientsOutput {
  /** Milliseconds per answered request, in completion order. */
  readonly latencies: number[];
  readonly failures: number;
  /** Unexpected status codes and transport errors, with counts. */
  readonly unexpected: Record<string, number>;
  /** Requests sent. */
  readonly sent: number;
  /** Requests answered with the expected status. */
  readonly succeeded: number;
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
  let succeeded = 0;
  let next = 0;
  const started = performance.now();
  const limit = input.maxRequests ?? (input.durationMs === undefined ? input.calls.length : Number.POSITIVE_INFINITY);
  const more = () => next < limit && (input.durationMs === undefined || performance.now() - started < input.durationMs);
  const unique = input.uniqueHeader;
  await inParallel(input.clients, async () => {
    while (more()) {
      const n = next++;
      if (input.ratePerSecond !== undefined) await until(started + (n * 1000) / input.ratePerSecond);
      const template = input.calls[n % input.calls.length] as HttpCall;
      const call = unique ? { ...template, headers: { ...template.headers, [unique.name]: `${unique.prefix}-${n}` } } : template;
      const begun = performance.now();
      try {
        const answer = await httpCall(input.baseUrl, call);
        latencies.push(performance.now() - begun);
        if (answer.status === (call.expect ?? input.expectedStatus)) succeeded += 1;
        else {
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
  return {
    latencies,
    sent: next,
    failures,
    succeeded,
    unexpected,
    ...(sample === undefined ? {} : { sample }),
    elapsedMs: performance.now() - started,
  };
}

async function until(time: number): Promise<void> {
  const wait = time - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
