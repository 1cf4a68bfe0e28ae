import { describe, expect, it } from 'vitest';
import {
  getDebt,
  getDebtRatio,
  getNationalDebtRatios,
  issueDebt,
  listDebts,
  recordDebtRepayment,
  reverseDebtRepayment,
} from '#shared/routes/debt.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';

await useTestStack();

const gov = '11110'; // 종로구
const year = 2026;
const accountant: TestCaller = { sub: 'ca-1', roles: ['chief_accountant'], gov };
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };
const bond = {
  debtId: 'LB2026-01',
  kind: 'local-bond',
  name: '2026 지역개발채권',
  principal: 250_000_000,
  rateBp: 350,
  issueDate: '2026-03-02',
  maturityDate: '2031-03-02',
  method: 'equal-principal',
  installments: 5,
  intervalMonths: 12,
};
const ratio = async (asOf?: string) =>
  (await callRoute(getDebtRatio, { params: { gov }, query: { year: String(year), ...(asOf ? { asOf } : {}) }, caller: accountant })).body;
const repay = (reference: string, amount: number) =>
  callRoute(recordDebtRepayment, {
    params: { gov, debtId: bond.debtId },
    body: { reference, amount, date: '2027-03-02' },
    caller: accountant,
  });

describe('debt register and debt ratio through the API', () => {
  it('registers a bond with its schedule once, for its own government and by the permitted roles only', async () => {
    await setUpStructure(gov);
    await finalBudget(gov, year, 'original', [
      revenue({ amount: 1_000_000_000 }),
      expenditure({ amount: 990_000_000 }),
      reserve(10_000_000),
    ]);

    const issued = await callRoute(issueDebt, { params: { gov }, body: bond, caller: accountant });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({ outstanding: 250_000_000, repaid: 0 });
    expect(issued.body.schedule.map((i: { dueDate: string; principal: number }) => [i.dueDate, i.principal])).toEqual([
      ['2027-03-02', 50_000_000],
      ['2028-03-02', 50_000_000],
      ['2029-03-02', 50_000_000],
      ['2030-03-02', 50_000_000],
      ['2031-03-02', 50_000_000],
    ]);
    expect((await callRoute(issueDebt, { params: { gov }, body: bond, caller: accountant })).body.code).toBe('debt-exists');
    const official = await callRoute(issueDebt, {
      params: { gov },
      body: { ...bond, debtId: 'X1' },
      caller: { sub: 'do-1', roles: ['department_official'], gov },
    });
    expect(official.status).toBe(403);
    const elsewhere = await callRoute(issueDebt, { params: { gov: '11140' }, body: { ...bond, debtId: 'X2' }, caller: accountant });
    expect(elsewhere.body.code).toBe('other-government');
    const badSchedule = await callRoute(issueDebt, {
      params: { gov },
      body: { ...bond, debtId: 'X3', installments: 10 },
      caller: accountant,
    });
    expect(badSchedule.status).toBe(422);
    expect(badSchedule.body.code).toBe('invalid-repayment-schedule');
  });

  it('counts 채무 as of a date and keeps exactly 25% out of 주의 (25% 초과)', async () => {
    expect(await ratio()).toMatchObject({
      asOf: '2026-12-31',
      outstanding: '250000000',
      bondsAndBorrowings: '250000000',
      debtBurdens: '0',
      guaranteeLiability: '0',
      budget: '1000000000',
      version: 0,
      ratio: { percent: '25.00' },
      band: 'normal',
      bandName: '정상',
    });
    expect(await ratio('2026-03-01')).toMatchObject({ outstanding: '0', band: 'normal' }); // before the issue
    expect((await repay('R1', 1)).status).toBe(201);
    // The repayment is dated 2027-03-02: the year-end 2026 figure does not move, a date after it does.
    expect(await ratio()).toMatchObject({ outstanding: '250000000' });
    expect(await ratio('2027-03-02')).toMatchObject({ outstanding: '249999999', band: 'normal', bandName: '정상' });
  });

  it('never repays more than outstanding, applies a reference once (a repeat replays), and reverses by a reversing entry', async () => {
    const tooMuch = await repay('R2', 250_000_000);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({
      code: 'repayment-exceeds-outstanding',
      context: { amount: 250_000_000, outstanding: 249_999_999 },
    });
    // one policy for reversible postings: the same reference with the same body replays the first answer …
    const replay = await repay('R1', 1);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ entryId: 'R1', type: 'repayment', amount: 1 });
    // … and with another body is refused
    const reused = await repay('R1', 5);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('reference-used');

    const racing = await Promise.all([repay('R3', 150_000_000), repay('R4', 150_000_000)]);
    expect(racing.map((result) => result.status).sort()).toEqual([201, 422]);

    const reversed = await callRoute(reverseDebtRepayment, { params: { gov, debtId: bond.debtId, reference: 'R1' }, caller: accountant });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body).toMatchObject({ type: 'reversal', amount: 1, reverses: 'R1' });
    expect(
      (await callRoute(reverseDebtRepayment, { params: { gov, debtId: bond.debtId, reference: 'R1' }, caller: accountant })).body.code,
    ).toBe('repayment-already-reversed');

    const detail = await callRoute(getDebt, {
      params: { gov, debtId: bond.debtId },
      caller: { sub: 'cm-1', roles: ['council_member'], gov },
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ repaid: 150_000_000, outstanding: 100_000_000 });
    expect(detail.body.entries.map((entry: { type: string; amount: number }) => [entry.type, entry.amount])).toEqual(
      expect.arrayContaining([
        ['repayment', 1],
        ['repayment', 150_000_000],
        ['reversal', 1],
      ]),
    );
    const list = await callRoute(listDebts, { params: { gov }, caller: accountant });
    expect(list.body.outstandingTotal).toBe('100000000');
  });

  it('shows the ministry every government, and refuses others the nationwide view', async () => {
    const view = await callRoute(getNationalDebtRatios, { params: { year }, caller: ministry });
    expect(view.status).toBe(200);
    expect(view.body.items).toHaveLength(243);
    // 채무 at the end of 2026: the repayments are dated 2027-03-02, so the whole 250,000,000 (today's 100,000,000 is not the 2026 figure).
    expect(view.body.asOf).toBe('2026-12-31');
    expect(view.body.items.find((item: { gov: string }) => item.gov === gov)).toMatchObject({
      outstanding: '250000000',
      budget: '1000000000',
      band: 'normal',
      ratio: { percent: '25.00' },
    });
    expect(view.body.bands).toEqual({ normal: 1, caution: 0, severe: 0, unknown: 242 });
    expect(view.body.outstandingTotal).toBe('250000000');
    const later = await callRoute(getNationalDebtRatios, { params: { year: 2027 }, caller: ministry });
    expect(later.body.outstandingTotal).toBe('100000000'); // no 2027 budget: band unknown, 채무 still counted
    expect((await callRoute(getNationalDebtRatios, { params: { year }, caller: accountant })).status).toBe(403);
    expect((await callRoute(getNationalDebtRatios, { params: { year }, caller: { sub: 'r-1', roles: ['resident'], gov } })).status).toBe(
      403,
    );
  });
});
