import { describe, expect, it } from 'vitest';
import { checkUnconfirmedOrders } from '#shared/application/settlement/check-unconfirmed-orders.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { unconfirmedOrderReads, unconfirmedOrderWindow, unconfirmedOrders } from '#shared/domain/settlement/unconfirmed-orders.ts';
import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';

describe('payment orders the treasury bank has not confirmed (issue #19)', () => {
  it('looks at the orders dated 3 to 9 days before the closing day', () => {
    expect(unconfirmedOrderWindow('2026-11-30')).toEqual({ from: '2026-11-21', to: '2026-11-27' });
    expect(unconfirmedOrderWindow('2026-03-02')).toEqual({ from: '2026-02-21', to: '2026-02-27' });
  });

  it("reads the old year's ledger too while its orders can fall in the window: late December and the 출납정리 to 10 February", () => {
    expect(unconfirmedOrderReads('2026-11-30', 2026)).toEqual([{ year: 2026, from: '2026-11-21', to: '2026-11-27' }]);
    expect(unconfirmedOrderReads('2027-01-03', 2027)).toEqual([
      { year: 2027, from: '2026-12-25', to: '2026-12-31' },
      { year: 2026, from: '2026-12-25', to: '2026-12-31' },
    ]);
    // up to the old year's 출납사무 완결, 10 February (지방회계법 제7조제3항)
    expect(unconfirmedOrderReads('2027-02-15', 2027)).toEqual([
      { year: 2027, from: '2027-02-06', to: '2027-02-12' },
      { year: 2026, from: '2027-02-06', to: '2027-02-10' },
    ]);
    expect(unconfirmedOrderReads('2027-02-19', 2027)).toEqual([
      { year: 2027, from: '2027-02-10', to: '2027-02-16' },
      { year: 2026, from: '2027-02-10', to: '2027-02-10' },
    ]);
    expect(unconfirmedOrderReads('2027-02-20', 2027)).toEqual([{ year: 2027, from: '2027-02-11', to: '2027-02-17' }]);
    // an old year's 출납정리 closing reads its own year only
    expect(unconfirmedOrderReads('2027-01-05', 2026)).toEqual([{ year: 2026, from: '2026-12-27', to: '2027-01-02' }]);
  });

  it('counts an order with anything unpaid, not a paid or a corrected one, with the exact unpaid total', () => {
    const orders: OrderDocument[] = [
      { orderId: 'paid', amount: 1_000_000, paid: 1_000_000 },
      { orderId: 'open', amount: 2_500_000, paid: 0 },
      { orderId: 'part', amount: 900_000, paid: 400_000 },
      { orderId: 'corrected', amount: 0, paid: 0 },
    ];
    expect(unconfirmedOrders(orders)).toEqual({ count: 2, unpaid: 3_000_000, orderIds: ['open', 'part'] });
  });

  it('reads the window of the daily closing and emits PaymentOrdersUnconfirmed, zero included', async () => {
    const job: ClosingJob = { gov: '11110', period: periodOf('daily', '2026-11-30') };
    const asked: unknown[] = [];
    const emitted: [string, number][] = [];
    const ports = (orders: OrderDocument[]) => ({
      orders: async (...args: unknown[]) => {
        asked.push(args);
        return orders;
      },
      metric: async (_job: ClosingJob, name: string, value: number) => {
        emitted.push([name, value]);
      },
    });
    await checkUnconfirmedOrders(job, ports([{ orderId: 'o1', amount: 50_000, paid: 0 }]));
    await checkUnconfirmedOrders(job, ports([]));
    expect(asked).toEqual([
      ['11110', 2026, '2026-11-21', '2026-11-27'],
      ['11110', 2026, '2026-11-21', '2026-11-27'],
    ]);
    expect(emitted).toEqual([
      ['PaymentOrdersUnconfirmed', 1],
      ['PaymentOrdersUnconfirmed', 0],
    ]);
  });

  it("counts a late-December order left unpaid in the new year's daily closing, from the old year's ledger", async () => {
    const job: ClosingJob = { gov: '11110', period: periodOf('daily', '2027-01-03') };
    const ledgers: Record<number, OrderDocument[]> = { 2026: [{ orderId: 'dec-29', amount: 700_000, paid: 0 }], 2027: [] };
    const emitted: number[] = [];
    const result = await checkUnconfirmedOrders(job, {
      orders: async (_gov, year) => ledgers[year] ?? [],
      metric: async (_job, _name, value) => {
        emitted.push(value);
      },
    });
    expect(result).toEqual({ count: 1, unpaid: 700_000, orderIds: ['dec-29'] });
    expect(emitted).toEqual([1]);
  });
});
