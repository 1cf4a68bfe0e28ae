import { beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { drainPostings, GOV, readLine, seedLine, YEAR } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const commitment = (lineId: string, amount: number, contractRef = 'C-1') => ({
  lineId,
  amount,
  counterparty: '123-45-67890',
  contractRef,
  date: '2026-03-02',
});
const commit = (caller: TestCaller, key: string, body: unknown) =>
  callRoute(routes.createCommitment, { params: { gov: GOV, year: YEAR }, body, caller, headers: { 'Idempotency-Key': key } });

beforeAll(async () => {
  for (const lineId of ['keys', 'replay', 'contended']) await seedLine({ lineId, allotted: 1_000_000 });
});

describe('Idempotency-Key', () => {
  it("keeps each subject's keys apart, whatever '#' the subject and the key contain (issue #12, break 6)", async () => {
    // IDEMPOTENCY#{gov}#{sub}#{key} made both of these IDEMPOTENCY#11000#fo#a#b
    const first: TestCaller = { sub: 'fo#a', roles: ['finance_officer'], gov: GOV };
    const second: TestCaller = { sub: 'fo', roles: ['finance_officer'], gov: GOV };

    const a = await commit(first, 'b', commitment('keys', 100_000));
    const b = await commit(second, 'a#b', commitment('keys', 200_000));
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body.postingId).not.toBe(a.body.postingId);

    // the same body too: two postings, not the first one's id handed to the second subject
    const c = await commit(first, 'x', commitment('keys', 1_000, 'C-same'));
    const e = await commit(first, 'x', commitment('keys', 1_000, 'C-same'));
    expect(e.body.postingId).toBe(c.body.postingId); // the same subject and key: the same posting
    const f = await commit(second, 'a#x', commitment('keys', 1_000, 'C-same'));
    expect(f.status).toBe(202);
    expect(f.body.postingId).not.toBe(c.body.postingId);

    await drainPostings();
    expect((await readLine('keys')).committed).toBe(100_000 + 200_000 + 1_000 + 1_000);
  });

  it('answers a retry with the posting as it stands: queued, then applied (issue #15)', async () => {
    const caller: TestCaller = { sub: 'fo-kim', roles: ['finance_officer'], gov: GOV };
    const body = commitment('replay', 300_000);
    const first = await commit(caller, 'replay-1', body);
    expect(first.status).toBe(202);
    const queued = await commit(caller, 'replay-1', body);
    expect(queued).toMatchObject({ status: 202, body: { postingId: first.body.postingId, status: 'queued' } });

    await drainPostings();
    const applied = await commit(caller, 'replay-1', body);
    expect(applied.status).toBe(202);
    expect(applied.body).toMatchObject({
      postingId: first.body.postingId,
      status: 'applied',
      kind: 'commit',
      amount: 300_000,
      statusUrl: `/governments/${GOV}/postings/${first.body.postingId}`,
    });
    await drainPostings();
    expect((await readLine('replay')).committed).toBe(300_000);
  });

  it("answers a retry of a posting the consumer rejected with status rejected and the consumer's reason", async () => {
    const caller: TestCaller = { sub: 'fo-kim', roles: ['finance_officer'], gov: GOV };
    // each fits the books as they stand when accepted; together they exceed the allotment
    const fits = await commit(caller, 'contended-1', commitment('contended', 700_000, 'C-a'));
    const over = await commit(caller, 'contended-2', commitment('contended', 700_000, 'C-b'));
    expect([fits.status, over.status]).toEqual([202, 202]);
    await drainPostings();

    const retried = await commit(caller, 'contended-2', commitment('contended', 700_000, 'C-b'));
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({
      postingId: over.body.postingId,
      status: 'rejected',
      reason: { rule: 'committed-within-allotment', context: { committed: 700_000, allotted: 1_000_000 } },
    });
    const status = await callRoute(routes.getPosting, { caller, params: { gov: GOV, postingId: over.body.postingId } });
    expect(retried.body).toEqual({ ...status.body, statusUrl: `/governments/${GOV}/postings/${over.body.postingId}` });
    await drainPostings();
    expect((await readLine('contended')).committed).toBe(700_000);
  });
});
