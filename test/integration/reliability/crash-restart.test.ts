import type { ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RuntimeState } from '#infra/runtime/state-file.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { handler as sweep } from '#functions/postings/sweep-unqueued.ts';
import { runCli, scanTable, seedTwoLines, startNpmStart } from '#test/integration/ops/running-start.ts';

/**
 * `npm start` killed (SIGKILL) at random points of a stream of postings, five times, on one
 * embedded data directory; then started once more. No request is ever sent twice (no client
 * retry): every request that was stored must end applied or rejected, once.
 */
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-crash-'));
const children = new Set<ChildProcess>();
const GOV = '11110';
const YEAR = 2026;
const KILLS = 5;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function start() {
  const runtime = await startNpmStart(dataDir);
  children.add(runtime.child);
  return runtime;
}

/**
 * SQS keeps a message received by a dead consumer invisible for the queue's visibility timeout
 * (60 s). While the runtime is down, let that time pass: the engine's stored deadlines are moved
 * to the past, as if the restart came a minute later.
 */
function letVisibilityTimeoutsPass(): void {
  const db = new DatabaseSync(join(dataDir, 'aws', 'fauxqs.db'));
  db.exec('UPDATE sqs_messages SET visibility_deadline = 1 WHERE visibility_deadline IS NOT NULL');
  db.close();
}

interface Sent {
  readonly kind: 'commit' | 'assess';
  readonly amount: number;
  answer?: number | 'none';
  postingId?: string;
}

/** One client: sends postings one after another, never retrying, until `stopped`; counts each send in `sent`. */
async function client(url: string, tokens: Record<'commit' | 'assess', string>, sent: Sent[], stopped: () => boolean, onSend: () => void) {
  while (!stopped()) {
    const kind = randomInt(10) < 7 ? 'commit' : 'assess';
    const amount = 1 + randomInt(1_000);
    const request: Sent = { kind, amount };
    sent.push(request);
    onSend();
    const body =
      kind === 'commit'
        ? { lineId: 'crash-exp', amount, counterparty: 'c', contractRef: 'C-1', date: '2026-06-01' }
        : { lineId: 'crash-rev', amount, payer: 'p', dueDate: '2026-06-30', date: '2026-06-01' };
    try {
      const response = await fetch(`${url}/governments/${GOV}/years/${YEAR}/${kind === 'commit' ? 'commitments' : 'assessments'}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[kind]}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      request.answer = response.status;
      if (response.status === 202) request.postingId = ((await response.json()) as { postingId: string }).postingId;
    } catch {
      request.answer = 'none';
    }
  }
}

describe('crash and restart of npm start', () => {
  it('every stored posting ends applied or rejected, once, without client retries; counters and journals add up', async () => {
    const sent: Sent[] = [];
    let tokens: Record<'commit' | 'assess', string> | undefined;
    for (let kill = 0; kill < KILLS; kill++) {
      const runtime = await start();
      if (!tokens) {
        await seedTwoLines(dataDir, GOV, YEAR, 'crash');
        const token = async (role: string) =>
          (await runCli('infra/cli/token.ts', ['--role', role, '--gov', GOV, '--data-dir', dataDir])).stdout.trim();
        tokens = { commit: await token('finance_officer'), assess: await token('revenue_officer') };
      }
      // Killed after a random number of sends, while the other clients' requests are in flight.
      const killAfter = sent.length + 4 + randomInt(30);
      let killed = false;
      const onSend = () => {
        if (!killed && sent.length >= killAfter) {
          killed = true;
          runtime.child.kill('SIGKILL');
        }
      };
      const currentTokens = tokens;
      await Promise.all(Array.from({ length: 4 }, () => client(runtime.url, currentTokens, sent, () => killed, onSend)));
      await runtime.exited;
      letVisibilityTimeoutsPass();
    }

    const runtime = await start();
    // The minute's outbox sweep (the schedule's handler, here on the runtime's resources), now rather
    // than at the next minute: the runtime's scheduler runs the same handler every minute.
    const state = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeState;
    Object.assign(process.env, state.env, { POSTING_QUEUE_SHARDS: '1' });
    resetClients();
    const swept = await sweep({ time: new Date().toISOString(), detail: { olderThanSeconds: 0 } } as never);
    let items: Record<string, any>[] = [];
    await vi.waitFor(
      async () => {
        items = await scanTable(dataDir);
        const decided = new Set(items.filter((i) => i.sk === 'RESULT').map((i) => i.postingId));
        const undecided = items.filter((i) => i.sk === 'REQUEST' && !decided.has(i.postingId));
        expect(undecided.map((i) => i.postingId)).toEqual([]);
      },
      { timeout: 40_000, interval: 250 },
    );
    runtime.child.kill('SIGTERM');
    await runtime.exited;

    const requests = items.filter((i) => i.sk === 'REQUEST');
    const results = new Map(items.filter((i) => i.sk === 'RESULT').map((i) => [String(i.postingId), i]));
    const stored = new Set(requests.map((r) => String(r.postingId)));
    expect(stored.size).toBeGreaterThan(0);
    const acceptedIds = sent.flatMap((s) => (s.postingId ? [s.postingId] : []));
    // Everything answered 202 was stored; some requests cut off by a kill were stored without an answer.
    expect(acceptedIds.filter((id) => !stored.has(id))).toEqual([]);
    expect(sent.filter((s) => s.answer === 'none').length).toBeGreaterThan(0);
    for (const request of requests) expect(['applied', 'rejected']).toContain(results.get(String(request.postingId))?.status);

    // None applied twice: the counters are the sums of the applied results (one RESULT per posting id, which is
    // the audit record of its application: no `.applied` audit item is written beside it).
    const applied = [...results.values()].filter((r) => r.status === 'applied');
    // Lines seeded with their journal attributes: a line without them would refuse every posting.
    expect(applied.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.entity === 'audit' && String(i.operation).endsWith('.applied'))).toEqual([]);
    const sum = (kind: string) => applied.filter((r) => r.kind === kind).reduce((total, r) => total + Number(r.amount), 0);
    const line = (lineId: string) =>
      items.find((i) => i.sk === lineControlKey(GOV, YEAR, lineId).sk && i.pk === lineControlKey(GOV, YEAR, lineId).pk);
    expect(line('crash-exp')?.committed).toBe(sum('commit'));
    expect(line('crash-rev')?.assessed).toBe(sum('assess'));

    // The journals balance: Σ debit = Σ credit over the month totals, and they are the assessments' journal lines.
    const months = items.filter((i) => i.pk === `LEDGER#${GOV}#${YEAR}` && String(i.sk).startsWith('MONTH#'));
    const debit = months.reduce((total, m) => total + BigInt(m.debit), 0n);
    const credit = months.reduce((total, m) => total + BigInt(m.credit), 0n);
    expect(debit).toBe(credit);
    expect(debit).toBe(BigInt(sum('assess')));
    expect(items.filter((i) => String(i.pk).startsWith('OUTBOX#'))).toEqual([]);
    console.info(
      `crash test: ${sent.length} requests over ${KILLS} kills, ${stored.size} stored (${requests.length - acceptedIds.length} without an answer), ` +
        `${swept.enqueued} enqueued by the sweep, ${applied.length} applied`,
    );
  }, 300_000);
});
