import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import * as routes from '#shared/routes/execution.ts';
import { callers, closePeriod, GOV, queueDepth, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

const valid = { lineId: 'office-supplies', amount: 50_000, counterparty: '123-45-67890', contractRef: 'C-1', date: '2026-05-04' };
const commit = (body: unknown, options: { rawBody?: string; headers?: Record<string, string>; year?: number } = {}) =>
  callRoute(routes.createCommitment, {
    caller: callers.financeOfficer,
    params: { gov: GOV, year: options.year ?? YEAR },
    ...(options.rawBody === undefined ? { body } : { rawBody: options.rawBody }),
    headers: options.headers ?? { 'Idempotency-Key': crypto.randomUUID() },
  });

beforeAll(async () => {
  await seedLine({ lineId: 'office-supplies', allotted: 100_000 });
  await closePeriod('DAY#2026-05-01');
});

describe('bad input is refused with problem+json and nothing is enqueued', () => {
  const cases: [string, () => ReturnType<typeof commit>, number, string][] = [
    ['unknown line', () => commit({ ...valid, lineId: 'no-such-line' }), 422, 'unknown-line'],
    ['negative amount', () => commit({ ...valid, amount: -1 }), 400, 'invalid-request'],
    ['non-integer amount', () => commit({ ...valid, amount: 10.5 }), 400, 'invalid-request'],
    ['amount as a string', () => commit({ ...valid, amount: '50000' }), 400, 'invalid-request'],
    ['amount beyond exact integers', () => commit({ ...valid, amount: 2 ** 53 }), 400, 'invalid-request'],
    ['amount over the allotment', () => commit({ ...valid, amount: 100_001 }), 422, 'committed-within-allotment'],
    ['date in another fiscal year', () => commit({ ...valid, date: '2025-12-31' }), 422, 'wrong-year'],
    ['closed day', () => commit({ ...valid, date: '2026-05-01' }), 422, 'period-closed'],
    ['unknown field', () => commit({ ...valid, approvedBy: 'me' }), 400, 'invalid-request'],
    ['malformed JSON', () => commit(undefined, { rawBody: '{"lineId": "office-supplies",' }), 400, 'invalid-json'],
    ['oversized body', () => commit({ ...valid, contractRef: 'x'.repeat(9_000) }), 413, 'payload-too-large'],
    ['missing Idempotency-Key', () => commit(valid, { headers: {} }), 400, 'idempotency-key-required'],
  ];

  it.each(cases)('%s', async (_name, call, status, code) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.code).toBe(code);
    expect(await queueDepth()).toBe(0);
  });

  it('says which rule and which numbers refused an over-allotment', async () => {
    const response = await commit({ ...valid, amount: 100_001 });
    expect(response.body.context).toMatchObject({
      rule: 'committed-within-allotment',
      committed: 0,
      allotted: 100_000,
      change: { committed: 100_001 },
    });
  });

  it('refuses another government (tenant rule) and the wrong role', async () => {
    const other = await callRoute(routes.createCommitment, {
      caller: { ...callers.financeOfficer, gov: '26000' },
      params: { gov: GOV, year: YEAR },
      body: valid,
      headers: { 'Idempotency-Key': 'k-other' },
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('other-government');
    const bank = await callRoute(routes.createCommitment, {
      caller: callers.bank,
      params: { gov: GOV, year: YEAR },
      body: valid,
      headers: { 'Idempotency-Key': 'k-bank' },
    });
    expect(bank.status).toBe(403);
    expect(bank.body.code).toBe('role-not-permitted');
    expect(await queueDepth()).toBe(0);
  });

  it('refuses a reference to a posting that does not exist (404)', async () => {
    const response = await callRoute(routes.resolvePayment, {
      caller: callers.financeOfficer,
      params: { gov: GOV, year: YEAR, commitmentId: 'zzzzzzzz-0000' },
      body: { amount: 1, date: '2026-05-04' },
      headers: { 'Idempotency-Key': 'k-ref' },
    });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('commitment-not-found');
    expect(await queueDepth()).toBe(0);
  });
});
