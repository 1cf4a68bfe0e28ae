import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { cashTarget, docTarget, lineTarget, targetKey } from '#shared/domain/execution/items.ts';
import { planBatch } from '#shared/domain/execution/plan-batch.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { applyDeltas, writeConditions } from '#shared/domain/execution/counters.ts';
import type { Snapshot } from '#shared/domain/execution/snapshot.ts';
import { emptySnapshot } from '#shared/domain/execution/snapshot.ts';
import { isBalanced } from '#shared/domain/ledger/journal.ts';

const GOV = '11000';
const YEAR = 2026;
let sequence = 0;

const message = (command: PostingCommand, sub = 'fo'): PostingMessage => ({
  postingId: `p-${String(++sequence).padStart(6, '0')}`,
  gov: GOV,
  year: YEAR,
  lineId: 'L1',
  command,
  actor: { sub, role: 'finance_officer', requestId: 'r', sourceIp: '127.0.0.1', bodySha256: '', receivedAt: '2026-11-30T03:00:00.000Z' },
});
const commit = (amount: number, date = '2026-03-02') =>
  message({ kind: 'commit', lineId: 'L1', amount, counterparty: 'c', contractRef: 'r', date });

const line = (allotted: number, committed = 0): ControlledItem => ({
  target: lineTarget(GOV, YEAR, 'L1'),
  kind: 'line',
  attrs: { lineId: 'L1', lineKind: 'expenditure', fund: 'general', itemCode: '201', structureType: '행정운영경비' },
  counters: { allotted, committed, resolved: 0, ordered: 0, paid: 0, assessed: 0, received: 0, refunded: 0 },
});

/** Plans with the line given and everything else read and absent. */
function plan(messages: PostingMessage[], items: ControlledItem[] = [line(1_000)]) {
  let snapshot: Snapshot = emptySnapshot();
  for (let round = 0; round < 5; round++) {
    const result = planBatch(messages, snapshot);
    if ('plan' in result) return result.plan;
    const next = { items: new Map(snapshot.items), results: new Map(snapshot.results), markers: new Map(snapshot.markers) };
    for (const need of result.missing) {
      if (need.type === 'item')
        next.items.set(targetKey(need.target), items.find((i) => targetKey(i.target) === targetKey(need.target)) ?? null);
      else if (need.type === 'result') next.results.set(`RESULT|${need.gov}|${need.postingId}`, null);
      else if (need.type === 'reversal') next.markers.set(`REVERSAL|${need.gov}|${need.postingId}`, false);
      else next.markers.set(`CLOSED|${need.gov}|${need.year}|${need.period}`, need.period === 'DAY#2026-03-31');
    }
    snapshot = next;
  }
  throw new Error('plan did not converge');
}

describe('planBatch', () => {
  it('applies exactly the postings that fit, in queue order, as one aggregated line change', () => {
    const result = plan([commit(600), commit(500), commit(300), commit(100)]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'applied', 'applied']);
    const lineChange = result.changes.find((c) => c.target.type === 'line');
    expect(lineChange?.deltas).toEqual({ committed: 1_000 });
    expect(result.changes.filter((c) => c.target.type === 'doc')).toHaveLength(3);
  });

  it('rejects with the rule and the numbers', () => {
    const [outcome] = plan([commit(1_001)]).outcomes;
    expect(outcome).toMatchObject({
      status: 'rejected',
      refusal: { code: 'committed-within-allotment', context: { allotted: 1_000, committed: 0 } },
    });
  });

  it('rejects a closed day, a date outside the fiscal year and an unknown line', () => {
    const outcomes = plan([
      commit(1, '2026-03-31'),
      commit(1, '2025-12-31'),
      message({ kind: 'commit', lineId: 'nope', amount: 1, counterparty: 'c', contractRef: 'r', date: '2026-03-02' }),
    ]).outcomes;
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.refusal.code : o.status))).toEqual([
      'period-closed',
      'wrong-year',
      'unknown-line',
    ]);
  });

  it('chains documents created in the same batch and re-checks segregation of duties', () => {
    const c = commit(500);
    const resolve = message({ kind: 'resolve', commitmentId: c.postingId, amount: 200, date: '2026-03-03' });
    const sameOfficer = message({ kind: 'order', resolutionId: resolve.postingId, amount: 200, date: '2026-03-03' }, 'fo');
    const other = message({ kind: 'order', resolutionId: resolve.postingId, amount: 200, date: '2026-03-03' }, 'do');
    // March's cash, so the 지출원's cash check (order-checks.ts) lets the order through.
    const march: ControlledItem = {
      target: cashTarget(GOV, YEAR, 'general', '2026-03'),
      kind: 'cash',
      attrs: { fund: 'general', month: '2026-03' },
      counters: { allocated: 1_000, paid: 0 },
    };
    const result = plan([c, resolve, sameOfficer, other], [line(1_000), march]);
    expect(result.outcomes.map((o) => (o.status === 'rejected' ? o.refusal.code : o.status))).toEqual([
      'applied',
      'applied',
      'segregation-of-duties',
      'applied',
    ]);
    expect(result.changes.find((ch) => targetKey(ch.target) === targetKey(docTarget(GOV, c.postingId)))?.before).toBeUndefined();
    for (const outcome of result.outcomes)
      if (outcome.status === 'applied' && outcome.journal.lines.length > 0) expect(isBalanced(outcome.journal.lines)).toBe(true);
  });

  it('treats a posting seen twice in a batch as a duplicate', () => {
    const c = commit(10);
    expect(plan([c, c]).outcomes.map((o) => o.status)).toEqual(['applied', 'duplicate']);
  });
});

describe('writeConditions', () => {
  it('holds the rule after the write for any concurrent change the conditions admit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: -3_000, max: 3_000 }),
        fc.integer({ min: -3_000, max: 3_000 }),
        (allotted, committed, delta, allottedDrift, committedDrift) => {
          const before = line(allotted, Math.min(committed, allotted));
          const stored: ControlledItem = {
            ...before,
            counters: {
              ...before.counters,
              allotted: allotted + allottedDrift,
              committed: Math.max(0, before.counters.committed! + committedDrift),
            },
          };
          const admitted = writeConditions(before, { committed: delta }).every((c) =>
            c.comparator === '<=' ? (stored.counters[c.attribute] ?? 0) <= c.value : (stored.counters[c.attribute] ?? 0) >= c.value,
          );
          const after = applyDeltas(stored, { committed: delta });
          if (admitted) expect(after.counters.committed!).toBeLessThanOrEqual(after.counters.allotted!);
        },
      ),
    );
  });

  it("lets only one of two orders judged on the same reading take a month's last unclaimed cash (시행령 제33조제2호)", () => {
    const read: ControlledItem = {
      target: cashTarget(GOV, YEAR, 'general', '2026-03'),
      kind: 'cash',
      attrs: { fund: 'general', month: '2026-03' },
      counters: { allocated: 1_000, paid: 400, claimed: 600 },
    };
    const conditions = writeConditions(read, { claimed: 300 });
    expect(conditions).toEqual(
      expect.arrayContaining([
        { attribute: 'claimed', comparator: '<=', value: 700n },
        { attribute: 'allocated', comparator: '>=', value: 1_000n },
      ]),
    );
    const admits = (stored: ControlledItem) =>
      conditions.every((c) =>
        c.comparator === '<=' ? BigInt(stored.counters[c.attribute] ?? 0) <= c.value : BigInt(stored.counters[c.attribute] ?? 0) >= c.value,
      );
    expect(admits(read)).toBe(true);
    // The first order's write lands: the second, planned on the same reading, fails its condition.
    expect(admits(applyDeltas(read, { claimed: 300 }))).toBe(false);
  });
});
