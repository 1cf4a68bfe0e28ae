import { createCommitment, getPosting } from '#shared/routes/execution.ts';
import { official } from './api-client.ts';
import { forEachConcurrently } from './concurrency.ts';
import { FISCAL_YEAR, POSTING_DATE } from './execution-fixture.ts';
import type { LocalApi } from './local-api.ts';

export interface AppliedLatencyOptions {
  readonly api: LocalApi;
  readonly gov: string;
  readonly lineIds: readonly string[];
  /** Commitments to time. */
  readonly postings: number;
  /** Commitments in flight at once (each waits for its own to apply before the next). */
  readonly lanes: number;
  readonly label: string;
  /** Give up on one posting after this long. @default 300 s */
  readonly timeoutMs?: number;
}

/**
 * Accept→applied of a government's commitments over the local API's HTTP: each lane posts a
 * commitment (202), then reads the posting's status until it is decided; the latency runs from the
 * 202 to the answer that says `applied`. Status reads follow each other after a 5 ms yield. Rejects
 * if a posting is refused or decided other than `applied`.
 */
export async function appliedLatencies(options: AppliedLatencyOptions): Promise<AppliedLatencies> {
  const { api, gov } = options;
  const officer = await official(api, { sub: `bench-fo-${gov}`, roles: ['finance_officer'], gov });
  const timeoutMs = options.timeoutMs ?? 300_000;
  const latencies: number[] = [];
  let resent = 0;
  /**
   * A request whose keep-alive socket the server closed as it was reused fails with ECONNRESET (the
   * Node server/undici keep-alive race, wider when the machine is loaded): send it again, up to four times, counted. Safe:
   * status reads change nothing and the commitment carries the same Idempotency-Key.
   */
  const again = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await request();
      } catch (error) {
        if (!isConnectionReset(error) || attempt >= 5) throw error;
        resent += 1;
      }
    }
  };
  const items = Array.from({ length: options.postings }, (_, n) => n);
  await forEachConcurrently(items, options.lanes, async (n) => {
    const lineId = options.lineIds[n % options.lineIds.length] as string;
    const idempotencyKey = `${options.label}-${n}-${Date.now().toString(36)}`;
    const { postingId } = await again(() =>
      officer.call<{ postingId: string }>(createCommitment, {
        params: { gov, year: FISCAL_YEAR },
        body: { lineId, amount: 1, counterparty: 'bench-quiet', contractRef: `${options.label}-${n}`, date: POSTING_DATE },
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    );
    const accepted = performance.now();
    for (;;) {
      const answer = await again(() => officer.send(getPosting, { params: { gov, postingId } }));
      const status = (answer.body as { status?: string } | undefined)?.status;
      if (answer.status === 200 && status === 'applied') break;
      if (answer.status === 200 && status !== 'queued') throw new Error(`posting ${postingId} of ${gov} was decided ${status}`);
      if (answer.status !== 200 && answer.status !== 404) throw new Error(`status of ${postingId} answered ${answer.status}`);
      if (performance.now() - accepted > timeoutMs) throw new Error(`posting ${postingId} of ${gov} not applied after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    latencies.push(performance.now() - accepted);
  });
  return { latencies, resent };
}

export interface AppliedLatencies {
  /** ms from each 202 to the read that says applied. */
  readonly latencies: number[];
  /** Requests sent again after a connection reset (see `again`). */
  readonly resent: number;
}

const isConnectionReset = (error: unknown): boolean =>
  error instanceof Error &&
  /ECONNRESET|other side closed|socket hang up/i.test(
    `${error.message} ${String((error.cause as Error | undefined)?.message ?? error.cause ?? '')}`,
  );
