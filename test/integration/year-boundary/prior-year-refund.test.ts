import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, GOV } from '#test/integration/execution/support.ts';
import { applied, businessClock, posted, readItem, seedYearLine } from '#test/integration/year-boundary/support.ts';

/**
 * 과년도 과오납 환급 through the handlers (issue #15; 지방회계법 제28조, 시행령 제31조): a 2026 receipt
 * paid in error is refunded in March 2027 from 2027's revenue line, with its interest; 2026's line
 * keeps its figures. Figures by hand in the comments.
 */
const clock = businessClock();
const on = clock.on;
const read = readItem;

const ids = { receipt: '', taxReceipt: '' };

beforeAll(async () => {
  await useTestStack();
  await seedYearLine(2026, { lineId: 'R1', kind: 'revenue', budget: 1_000_000 });
  await seedYearLine(2027, { lineId: 'R2', kind: 'revenue', budget: 3_000_000 });
  const { revenueOfficer: ro, bank } = callers;
  on('2026-12-01T10:00:00+09:00');
  // Assessed and received in full on 1 December 2026: the receipt's id.
  const paidOnDecember1 = async (lineId: string, amount: number) => {
    const assessmentId = await applied(
      routes.assessRevenue,
      ro,
      2026,
      {},
      { lineId, amount, payer: '홍길동', dueDate: '2026-12-31', date: '2026-12-01' },
    );
    return applied(routes.receiveRevenue, bank, 2026, { assessmentId }, { amount, date: '2026-12-01' });
  };
  // 2026: 1,000,000 on R1 — later found paid in error (착오납부).
  ids.receipt = await paidOnDecember1('R1', 1_000_000);
  // T1: a 지방세 line (세입 과목 1); 500,000 paid twice over (이중납부), refunded with 지방세환급가산금.
  await seedYearLine(2026, { lineId: 'T1', kind: 'revenue', budget: 1_000_000, itemCode: '1' });
  ids.taxReceipt = await paidOnDecember1('T1', 500_000);
  // 2027: 2,000,000 received on R2, the revenue the refund comes from.
  on('2027-03-02T10:00:00+09:00');
  const a2 = await applied(
    routes.assessRevenue,
    ro,
    2027,
    {},
    { lineId: 'R2', amount: 2_000_000, payer: '(주)가나다', dueDate: '2027-03-31', date: '2027-03-02' },
  );
  await applied(routes.receiveRevenue, bank, 2027, { assessmentId: a2 }, { amount: 2_000_000, date: '2027-03-02' });
});
afterAll(() => clock.restore());

describe('과년도 과오납 환급 (지방회계법 제28조)', () => {
  const body = { amount: 1_000_000, date: '2027-03-02', reason: '착오납부' };
  const interest = { ground: 'erroneous-payment', from: '2026-12-01' };

  it('refuses to refund a closed year’s receipt without naming this year’s revenue line', async () => {
    const answer = await posted(routes.refundRevenue, callers.revenueOfficer, 2027, { receiptId: ids.receipt }, { ...body, interest });
    expect(answer).toMatchObject({ status: 422, code: 'prior-year-line-required', context: { originYear: 2026, year: 2027 } });
  });

  it('refuses a rate in the request (it comes from the dated table) and a closed year’s refund without its interest', async () => {
    const params = { receiptId: ids.receipt };
    const withRate = await posted(routes.refundRevenue, callers.revenueOfficer, 2027, params, {
      ...body,
      lineId: 'R2',
      interest: { ...interest, rateBp: 900 },
    });
    expect(withRate).toMatchObject({ status: 400 });
    const without = await posted(routes.refundRevenue, callers.revenueOfficer, 2027, params, { ...body, lineId: 'R2' });
    expect(without).toMatchObject({ status: 422, code: 'refund-interest-required', context: { originYear: 2026 } });
  });

  it('refunds it from 2027’s revenue with interest from the day after payment; 2026 is untouched', async () => {
    // 2 Dec 2026 … 2 Mar 2027: 91 days at the table's 연 1천분의 31 (국세기본법 시행규칙 제19조의3, since 2025-03-21):
    // 1,000,000 × 3.1% × 91 ÷ 365 = 7,728.7… → 7,728; paid 1,007,728.
    const refund = await posted(
      routes.refundRevenue,
      callers.revenueOfficer,
      2027,
      { receiptId: ids.receipt },
      { ...body, lineId: 'R2', interest },
    );
    expect(refund, JSON.stringify(refund)).toMatchObject({ status: 'applied', amount: 1_007_728, year: 2027 });
    expect(await read(lineControlKey(GOV, 2027, 'R2'))).toMatchObject({ received: 2_000_000, refunded: 1_007_728 });
    expect(await read(lineControlKey(GOV, 2026, 'R1'))).toMatchObject({ received: 1_000_000, refunded: 0 });
    expect(await read(documentKey(GOV, ids.receipt))).toMatchObject({ amount: 1_000_000, refunded: 1_000_000 });
    // Nothing is left to refund on the receipt.
    const again = await posted(
      routes.refundRevenue,
      callers.revenueOfficer,
      2027,
      { receiptId: ids.receipt },
      { ...body, amount: 1, lineId: 'R2', interest },
    );
    expect(again).toMatchObject({ status: 422, code: 'refund-within-receipt' });
  });

  it('refunds a 지방세 receipt with 지방세환급가산금 (지방세기본법 제62조), journaled with the refund; the other law’s ground is refused', async () => {
    const params = { receiptId: ids.taxReceipt };
    const wrongLaw = await posted(routes.refundRevenue, callers.revenueOfficer, 2027, params, {
      ...body,
      amount: 500_000,
      lineId: 'R2',
      interest,
    });
    expect(wrongLaw).toMatchObject({ status: 422, code: 'refund-interest-law-mismatch', context: { law: 'local-tax' } });
    // 시행령 제43조①1: from 2 Dec 2026 to the refund decision on 2 Mar 2027, 91 days at 연 1천분의 31 (제43조② → 국세기본법
    // 시행규칙 제19조의3): 500,000 × 31 × 91 ÷ 365,000 = 3,864.3… → 3,864; paid 503,864 from 2027's revenue.
    const refund = await posted(routes.refundRevenue, callers.revenueOfficer, 2027, params, {
      ...body,
      amount: 500_000,
      lineId: 'R2',
      interest: { ground: 'local-tax-erroneous-payment', from: '2026-12-01' },
    });
    expect(refund, JSON.stringify(refund)).toMatchObject({ status: 'applied', amount: 503_864, year: 2027 });
    const lines = (refund as { journal: { lines: { account: string; debit: number; credit: number }[] } }).journal.lines;
    expect(lines.map((l) => [l.debit, l.credit])).toEqual([
      [503_864, 0],
      [0, 503_864],
    ]);
    expect(lines[1]?.account).toBe('1101');
    expect(await read(lineControlKey(GOV, 2027, 'R2'))).toMatchObject({ refunded: 1_007_728 + 503_864 });
    expect(await read(documentKey(GOV, ids.taxReceipt))).toMatchObject({ amount: 500_000, refunded: 500_000 });
  });
});
