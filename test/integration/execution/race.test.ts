import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { readFundStatus } from '#shared/stores/execution/fund-status.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import {
  drainPostings,
  enqueueMessages,
  FUND,
  postingMessage,
  readItems,
  readLine,
  readResults,
  seedCash,
  seedLine,
  YEAR,
} from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * Two governments, two lines each, drained by four concurrent consumers. Every line is asked for
 * twice its allotment, every government's cash allocation for twice what it holds. Postings go
 * straight onto the queue (the API path is covered by the chain and bad-input tests).
 */
const GOVS = ['11000', '26000'];
const LINES = ['payroll', 'welfare'];
const ALLOTTED = 600_000;
const CASH = 200_000;
const COMMITS_PER_LINE = 300;
const PAID_PER_LINE = 50;

/** Deterministic amounts averaging 4,000 won: 300 per line ask for 1.2 million, twice the allotment. */
const amountOf = (i: number) => 1_000 + ((i * 7_919) % 6_001);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('race: concurrent postings on a few lines asking twice what the rules allow', () => {
  const applied = new Map<string, PostingMessage[]>();

  beforeAll(async () => {
    for (const gov of GOVS) {
      await seedCash('2026-06', CASH, { gov });
      for (const lineId of LINES) await seedLine({ gov, lineId, allotted: ALLOTTED, itemCode: lineId === 'payroll' ? '101-01' : '301-01' });
    }
  });

  it('never over-commits, decides every posting, and counters equal the applied postings', async () => {
    const commits = GOVS.flatMap((gov) =>
      LINES.flatMap((lineId) =>
        Array.from({ length: COMMITS_PER_LINE }, (_, i) =>
          postingMessage(
            gov,
            lineId,
            { kind: 'commit', lineId, amount: amountOf(i), counterparty: 'c', contractRef: 'r', date: '2026-06-01' },
            'fo',
          ),
        ),
      ),
    );
    await enqueueMessages(commits);
    const started = performance.now();
    const drained = await drainPostings({ workers: 4 });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `race: ${commits.length} commitments decided in ${seconds.toFixed(1)} s (${Math.round(commits.length / seconds)} postings/s, ${drained.batches} batches)`,
    );

    for (const gov of GOVS) {
      for (const lineId of LINES) {
        const mine = commits.filter((m) => m.gov === gov && m.lineId === lineId);
        const results = await readResults(
          gov,
          mine.map((m) => m.postingId),
        );
        expect(results.every((r) => r?.status === 'applied' || r?.status === 'rejected')).toBe(true);
        const rejected = results.filter((r) => r?.status === 'rejected');
        expect(rejected.length).toBeGreaterThan(0);
        expect(rejected.every((r) => r!.reason.rule === 'committed-within-allotment')).toBe(true);
        const ok = mine.filter((_, i) => results[i]!.status === 'applied');
        const line = await readLine(lineId, gov);
        expect(line.committed).toBe(sum(ok.map((m) => (m.command.kind === 'commit' ? m.command.amount : 0))));
        expect(line.committed).toBeLessThanOrEqual(ALLOTTED);
        // Queue order per line: once a commitment is refused, a later one fits only if it is smaller.
        applied.set(`${gov}|${lineId}`, ok);
      }
    }
  });

  it('never pays more than the cash allocated; the trial balance of every government balances', async () => {
    const chosen = [...applied.values()].flatMap((ok) => ok.slice(0, PAID_PER_LINE));
    const amount = (m: PostingMessage) => (m.command.kind === 'commit' ? m.command.amount : 0);
    const resolutions = chosen.map((c) =>
      postingMessage(c.gov, c.lineId, { kind: 'resolve', commitmentId: c.postingId, amount: amount(c), date: '2026-06-02' }, 'fo'),
    );
    const orders = chosen.map((c, i) =>
      postingMessage(
        c.gov,
        c.lineId,
        { kind: 'order', resolutionId: resolutions[i]!.postingId, amount: amount(c), date: '2026-06-03' },
        'do',
      ),
    );
    const payments = chosen.map((c, i) =>
      postingMessage(c.gov, c.lineId, { kind: 'pay', orderId: orders[i]!.postingId, date: '2026-06-04' }, 'bank'),
    );
    // Each chain's postings share the line's message group, so they stay in order on the queue.
    await enqueueMessages(chosen.flatMap((_, i) => [resolutions[i]!, orders[i]!, payments[i]!]));
    await drainPostings({ workers: 4 });

    for (const gov of GOVS) {
      const mine = chosen.map((c, i) => ({ commit: c, order: orders[i]!, payment: payments[i]! })).filter((c) => c.commit.gov === gov);
      const results = await readResults(
        gov,
        mine.map((m) => m.payment.postingId),
      );
      const orderResults = await readResults(
        gov,
        mine.map((m) => m.order.postingId),
      );
      expect(results.every((r) => r?.status === 'applied' || r?.status === 'rejected')).toBe(true);
      // Asking twice the cash is refused by the 지출원's check on the order (시행령 제33조제2호): each
      // order claims the month's cash until the bank pays it, in the write condition, so the orders
      // that race ahead of their payments cannot claim more than the month holds and every order that
      // was applied is paid.
      expect(orderResults.some((r) => r?.reason?.rule === 'order-within-cash-limit')).toBe(true);
      expect(results.some((r) => r?.reason?.rule === 'paid-within-cash-allocation')).toBe(false);
      expect(results.map((r) => r!.status)).toEqual(orderResults.map((r) => r!.status));
      const paidSum = sum(mine.map((m, i) => (results[i]!.status === 'applied' ? amount(m.commit) : 0)));
      const [cash] = await readItems(`BUDGET#${gov}#${YEAR}`, `CASH#${FUND}#2026-06`);
      expect(cash!.paid).toBe(paidSum);
      expect(cash!.claimed).toBe(paidSum);
      expect(cash!.paid).toBeLessThanOrEqual(CASH);
      let linesPaid = 0;
      for (const lineId of LINES) {
        const line = await readLine(lineId, gov);
        expect(line.paid).toBeLessThanOrEqual(line.ordered);
        expect(line.ordered).toBeLessThanOrEqual(line.resolved);
        expect(line.resolved).toBeLessThanOrEqual(line.committed);
        linesPaid += line.paid;
      }
      expect(linesPaid).toBe(paidSum);

      const months = await readBalances(gov, YEAR, 'MONTH#');
      const debit = months.reduce((total, b) => total + b.debit, 0n);
      expect(months.reduce((total, b) => total + b.credit, 0n)).toBe(debit);
      expect(debit).toBeGreaterThan(0n);
      const days = await readBalances(gov, YEAR, 'DAY#');
      expect(days.reduce((total, b) => total + b.debit, 0n)).toBe(debit);
      const cashPaid = months.filter((b) => b.account === '1101').reduce((total, b) => total + b.credit, 0n);
      expect(cashPaid).toBe(BigInt(paidSum));
      const status = await readFundStatus(gov, YEAR);
      expect(status.funds).toEqual([{ fund: FUND, inflow: 0n, outflow: BigInt(paidSum), custodyIn: 0n, custodyOut: 0n }]);
    }
  });
});
