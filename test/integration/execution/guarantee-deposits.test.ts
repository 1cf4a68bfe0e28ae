import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { callRoute } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, drainPostings, FUND, GOV, readItems, seedLine, YEAR } from '#test/integration/execution/support.ts';

/**
 * 보증금 as 세입세출외현금 through the HTTP API and the postings consumer (issue #16; 지방재정법
 * 시행령 제40조제1항제2호): a 입찰보증금 returned, a 계약보증금 forfeited into 세입, and a 하자보수보증금
 * that pays a repair and is returned. Figures by hand (fund `general`):
 *   deposits    입찰 1,000,000 + 계약 3,000,000 + 하자 2,000,000              = 6,000,000 in (Dr 현금)
 *   returned    입찰 1,000,000 (04-20) + 하자 rest 1,500,000 (11-20)         = 2,500,000 out
 *   repair      하자 500,000 (10-01)                                           =   500,000 out
 *   forfeited   계약 3,000,000 (07-01) → 세입 on misc-revenue (no cash moves)
 *   cash        6,000,000 − 2,500,000 − 500,000                               = 3,000,000
 *   custody     6,000,000 − 2,500,000 − 500,000 − 3,000,000                   =         0
 *   budget cash 3,000,000 − 0                                                  = 3,000,000 (the forfeiture)
 *   2102 예수금 Cr 4,000,000 Dr 4,000,000; 2302 장기예수보증금 Cr 2,000,000 Dr 2,000,000; 4202 Cr 3,000,000.
 */
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};
let keys = 0;
const ask = (route: (typeof routes)[keyof typeof routes], caller: object, custodyId: string, body: unknown) =>
  callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year: YEAR, custodyId },
    body,
    headers: { 'Idempotency-Key': `guarantee-${++keys}` },
  });
const applied = appliedPosting;
const deposit = (custodyId: string, guaranteeKind: string, amount: number, date: string) =>
  ask(routes.depositCustody, callers.bank, custodyId, {
    amount,
    date,
    fund: FUND,
    guaranteeKind,
    depositor: '(주)가나다건설',
    contractId: 'C2026-001',
    condition: guaranteeKind === 'defect-guarantee' ? '하자담보책임기간 경과 후 반환' : '계약 이행 후 반환',
  });
const withdraw = (custodyId: string, purpose: string, amount: number, date: string) =>
  ask(routes.withdrawCustody, callers.bank, custodyId, { amount, date, purpose });
/** One journal entry of two lines: Dr `debit` / Cr `credit`, `amount` each. */
const entry = (debit: string, credit: string, amount: number) => [
  { account: debit, debit: amount, credit: 0 },
  { account: credit, debit: 0, credit: amount },
];
const record = async (custodyId: string) => (await readItems(`DOC#${GOV}#${custodyId}`))[0];
const fundStatus = async () => (await callRoute(routes.getFundStatus, { caller: callers.ministry, params: { gov: GOV, year: YEAR } })).body;
const yearBalance = async (account: string) => {
  const rows = (await readBalances(GOV, YEAR, 'MONTH#')).filter((b) => b.account === account);
  return { debit: rows.reduce((t, b) => t + b.debit, 0n), credit: rows.reduce((t, b) => t + b.credit, 0n) };
};

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'misc-revenue', kind: 'revenue', allotted: 0 });
});
afterAll(() => restore());

describe('보증금 held as 세입세출외현금', () => {
  it('takes in three 보증금 through the bank, each on its own record and liability', async () => {
    on('2026-03-10T10:00:00+09:00');
    const bid = await applied(await deposit('GD-BID-00001', 'bid-guarantee', 1_000_000, '2026-03-10'));
    expect(bid.journal.lines).toEqual(entry('1101', '2102', 1_000_000));
    on('2026-04-01T10:00:00+09:00');
    await applied(await deposit('GD-CON-00001', 'contract-guarantee', 3_000_000, '2026-04-01'));
    on('2026-06-30T10:00:00+09:00');
    const defect = await applied(await deposit('GD-DEF-00001', 'defect-guarantee', 2_000_000, '2026-06-30'));
    expect(defect.journal.lines).toEqual(entry('1101', '2302', 2_000_000));
    expect(await record('GD-DEF-00001')).toMatchObject({
      book: 'guarantee',
      custodyKind: 'defect-guarantee',
      depositor: '(주)가나다건설',
      contractId: 'C2026-001',
      deposited: 2_000_000,
    });
    // Another depositor's money never goes onto the record.
    const mixed = await ask(routes.depositCustody, callers.bank, 'GD-DEF-00001', {
      amount: 1,
      date: '2026-06-30',
      fund: FUND,
      guaranteeKind: 'defect-guarantee',
      depositor: '(주)다른업체',
      condition: '반환',
    });
    expect(mixed.body).toMatchObject({ status: 422, code: 'custody-record-mismatch' });
    // Only the bank records money received.
    const byOfficer = await ask(routes.depositCustody, callers.revenueOfficer, 'GD-BID-00002', {
      amount: 1,
      date: '2026-06-30',
      fund: FUND,
      guaranteeKind: 'bid-guarantee',
      depositor: '(주)가나다건설',
      condition: '반환',
    });
    expect(byOfficer.status).toBe(403);
    expect(await fundStatus()).toMatchObject({ total: { cash: '6000000', budgetCash: '0', custodyCash: '6000000' } });
  });

  it('returns the 입찰보증금, never more than it holds and never as a "remittance"', async () => {
    on('2026-04-20T10:00:00+09:00');
    const tooMuch = await withdraw('GD-BID-00001', 'return', 1_000_001, '2026-04-20');
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'release-within-deposit', context: { deposited: 1_000_000, released: 0 } });
    const asRemittance = await withdraw('GD-BID-00001', 'remittance', 1_000_000, '2026-04-20');
    expect(asRemittance.body).toMatchObject({ status: 422, code: 'custody-purpose-not-allowed', context: { purpose: 'remittance' } });
    const returned = await applied(await withdraw('GD-BID-00001', 'return', 1_000_000, '2026-04-20'));
    expect(returned.journal.lines).toEqual(entry('2102', '1101', 1_000_000));
  });

  it('forfeits the 계약보증금 into 세입: no cash moves, custody cash becomes budget cash', async () => {
    on('2026-07-01T10:00:00+09:00');
    const body = { amount: 3_000_000, date: '2026-07-01', revenueLineId: 'misc-revenue', ground: '계약 불이행 (지방계약법 제15조)' };
    const byBank = await ask(routes.forfeitCustody, callers.bank, 'GD-CON-00001', body);
    expect(byBank.status).toBe(403);
    const forfeited = await applied(await ask(routes.forfeitCustody, callers.revenueOfficer, 'GD-CON-00001', body));
    expect(forfeited.journal.lines).toEqual(entry('2102', '4202', 3_000_000));
    expect(await record('GD-CON-00001')).toMatchObject({ deposited: 3_000_000, released: 3_000_000, forfeited: 3_000_000 });
    expect((await readItems(`BUDGET#${GOV}#${YEAR}`, 'LINE#misc-revenue'))[0]).toMatchObject({ received: 3_000_000 });
    const again = await ask(routes.forfeitCustody, callers.revenueOfficer, 'GD-CON-00001', { ...body, amount: 1 });
    expect(again.body).toMatchObject({ status: 422, code: 'release-within-deposit' });
  });

  it('pays a repair from the 하자보수보증금 and returns the rest when the 하자기간 ends', async () => {
    on('2026-10-01T10:00:00+09:00');
    const repairFromContract = await withdraw('GD-CON-00001', 'defect-repair', 1, '2026-10-01');
    expect(repairFromContract.body).toMatchObject({ status: 422 });
    const repair = await applied(await withdraw('GD-DEF-00001', 'defect-repair', 500_000, '2026-10-01'));
    expect(repair.journal.lines).toEqual(entry('2302', '1101', 500_000));
    on('2026-11-20T10:00:00+09:00');
    await applied(await withdraw('GD-DEF-00001', 'return', 1_500_000, '2026-11-20'));
    expect(await record('GD-DEF-00001')).toMatchObject({ deposited: 2_000_000, released: 2_000_000, forfeited: 0 });

    const figures = { inflow: '6000000', outflow: '3000000', cash: '3000000', budgetCash: '3000000', custodyCash: '0' };
    expect(await fundStatus()).toMatchObject({ funds: [{ fund: FUND, ...figures }], total: figures });
    expect(await yearBalance('2102')).toEqual({ debit: 4_000_000n, credit: 4_000_000n });
    expect(await yearBalance('2302')).toEqual({ debit: 2_000_000n, credit: 2_000_000n });
    expect(await yearBalance('4202')).toEqual({ debit: 0n, credit: 3_000_000n });
    expect(await yearBalance('1101')).toEqual({ debit: 6_000_000n, credit: 3_000_000n });
  });

  it('lets only what the record holds leave it when a return, a forfeiture and a repair race for it', async () => {
    on('2026-11-25T10:00:00+09:00');
    await applied(await deposit('GD-RACE-00001', 'defect-guarantee', 1_000_000, '2026-11-25'));
    // Accepted together: each fits the record as the API reads it, so all three are queued (202).
    const raced = await Promise.all([
      withdraw('GD-RACE-00001', 'return', 1_000_000, '2026-11-25'),
      ask(routes.forfeitCustody, callers.revenueOfficer, 'GD-RACE-00001', {
        amount: 700_000,
        date: '2026-11-25',
        revenueLineId: 'misc-revenue',
        ground: '하자보수 불이행 (지방계약법 제21조제3항)',
      }),
      withdraw('GD-RACE-00001', 'defect-repair', 400_000, '2026-11-25'),
    ]);
    expect(raced.map((answer) => answer.status)).toEqual([202, 202, 202]);
    await drainPostings({ workers: 3 });
    const outcomes = await Promise.all(
      raced.map(
        async (answer) =>
          (await callRoute(routes.getPosting, { caller: callers.financeOfficer, params: { gov: GOV, postingId: answer.body.postingId } }))
            .body,
      ),
    );
    const done = outcomes.filter((o) => o.status === 'applied');
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    // The consumer judges them one by one on one message group: whatever the order, the record never
    // pays out more than it holds, and every posting that does not fit is rejected with the stable code.
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length + rejected.length).toBe(3);
    expect(rejected.map((o) => o.reason.rule)).toEqual(rejected.map(() => 'release-within-deposit'));
    const paidOut = done.reduce((sum, o) => sum + o.amount, 0);
    expect(paidOut).toBeLessThanOrEqual(1_000_000);
    const held = (await record('GD-RACE-00001'))!;
    expect(held.released).toBe(paidOut);
    expect(held.released).toBeLessThanOrEqual(held.deposited);
    const more = await withdraw('GD-RACE-00001', 'return', 1_000_000 - paidOut + 1, '2026-11-25');
    expect(more.body).toMatchObject({ status: 422, code: 'release-within-deposit', context: { deposited: 1_000_000, released: paidOut } });
  });
});
