import { describe, expect, it } from 'vitest';
import { refundRevenue } from '#shared/routes/execution.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { closeYear, collect, officials, oneLineGeneralYear, spend } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * 현금흐름표 of refunds (practice [U], noted in the 주석): a 환급 reverses the receipt's journal on the same
 * 현금흐름 line, so the line shows the net of the year. 취득세 1,000,000 received, 100,000 refunded: 유입
 * 지방세수입 900,000; 물건비 300,000 paid. Cash 1,000,000 − 100,000 − 300,000 = 600,000. (A payment the bank
 * confirmed is never corrected: its 반납 is another posting kind, so only refunds net on the cash side.)
 */
await useTestStack();

const GOV = '29000';
const YEAR = 2026;
const c = officials(GOV);

describe('refunds on the 현금흐름표', () => {
  it('are shown net within their line', async () => {
    const office = await oneLineGeneralYear(GOV, YEAR);
    const [, receipt] = await collect(GOV, YEAR, 'R.GEN.1.ACQTAX', 1_000_000, 1_000_000, `${YEAR}-04-01`);
    const refund = await callRoute(refundRevenue, {
      params: { gov: GOV, year: YEAR, receiptId: receipt!.postingId },
      body: { amount: 100_000, date: `${YEAR}-04-15`, reason: '과오납' },
      caller: c.revenueOfficer,
      headers: { 'Idempotency-Key': 'net-refund-1' },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(202);
    await spend(GOV, YEAR, office, 300_000, `${YEAR}-05-06`);
    await drainPostings();

    const statements = await closeYear(GOV, YEAR);
    const cash = (statements.tables['cash-flow'].rows as Record<string, string>[])
      .filter((r) => r.scopeKind === '개별')
      .map((r) => [r.accountName, r.current]);
    expect(cash).toEqual([
      ['유입: 지방세수입', '900000'],
      ['유출: 물건비', '300000'],
      ['경상활동으로 인한 현금흐름', '600000'],
      ['투자활동으로 인한 현금흐름', '0'],
      ['재무활동으로 인한 현금흐름', '0'],
      ['현금의 증감', '600000'],
      ['기초의 현금', '0'],
      ['기말의 현금', '600000'],
    ]);
  });
});
