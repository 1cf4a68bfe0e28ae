import { describe, expect, it } from 'vitest';
import { checkUnconfirmedOrders } from '#shared/application/settlement/check-unconfirmed-orders.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { unconfirmedOrderWindow, unconfirmedOrders } from '#shared/domain/settlement/unconfirmed-orders.ts';
import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';

describe('payment orders the treasury bank has not confirmed (issue #19)', () => {
  it('looks at the orders dated 3 to 9 days before the closing day', () => {
    expect(unconfirmedOrderWindow('2026-11-30')).toEqual({ from: '2026-11-21', to: '2026-11-27' });
    expect(unconfirmedOrderWindow('2026-03-02')).toEqual({ from: '2026-02-21', to: '2026-02-27' });
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
});
