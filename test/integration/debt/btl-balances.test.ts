import { beforeAll, describe, expect, it } from 'vitest';
import { getDebtRatio, issueDebt, recordBtlBalance } from '#shared/routes/debt.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';

/**
 * The BTL (임대형 민자사업) 순지방비 지급 잔액 in 채무 (지방재정법 시행령 §65의2①2), recorded per project as of a date:
 *   최종예산 1,000,000,000; 지방채 200,000,000 issued 2026-03-02 (bullet 2031)
 *   S1: 60,000,000 at 2026-06-30, then 55,000,000 at 2026-12-31; S2: 10,000,000 at 2026-09-30
 *   at 2026-03-31: 200,000,000 (no BTL yet)                               20.00% 정상
 *   at 2026-09-30: 200,000,000 + 60,000,000 + 10,000,000 = 270,000,000   27.00% 주의 (25% 초과)
 *   at 2026-12-31: 200,000,000 + 55,000,000 + 10,000,000 = 265,000,000   26.50% 주의
 */
await useTestStack();

const gov = '11215'; // 광진구
const year = 2026;
const accountant: TestCaller = { sub: 'ca-btl', roles: ['chief_accountant'], gov };
const record = (reference: string, project: string, asOf: string, amount: number, caller: TestCaller = accountant) =>
  callRoute(recordBtlBalance, { params: { gov }, body: { reference, project, asOf, amount }, caller });
const ratio = async (asOf: string) =>
  (await callRoute(getDebtRatio, { params: { gov }, query: { year: String(year), asOf }, caller: accountant })).body;

beforeAll(async () => {
  await setUpStructure(gov);
  await finalBudget(gov, year, 'original', [revenue({ amount: 1_000_000_000 }), expenditure({ amount: 990_000_000 }), reserve(10_000_000)]);
  const bond = {
    debtId: 'LB2026-BTL',
    kind: 'local-bond',
    name: '2026 지역개발채권',
    principal: 200_000_000,
    rateBp: 300,
    issueDate: '2026-03-02',
    maturityDate: '2031-03-02',
    method: 'bullet',
  };
  expect((await callRoute(issueDebt, { params: { gov }, body: bond, caller: accountant })).status).toBe(201);
}, 120_000);

describe('BTL 순지방비 balances in 채무', () => {
  it('records a balance once per reference (a repeat replays, other figures are refused), for its own roles only', async () => {
    const first = await record('BTL-1', 'S1', '2026-06-30', 60_000_000);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      gov,
      reference: 'BTL-1',
      project: 'S1',
      asOf: '2026-06-30',
      amount: 60_000_000,
      recordedBy: 'ca-btl',
    });
    expect((await record('BTL-1', 'S1', '2026-06-30', 60_000_000)).status).toBe(200);
    const reused = await record('BTL-1', 'S1', '2026-06-30', 61_000_000);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('reference-used');
    expect((await record('BTL-X', 'S1', '2026-06-30', 1, { sub: 'do-1', roles: ['department_official'], gov })).status).toBe(403);
    expect((await record('BTL-2', 'S2', '2026-09-30', 10_000_000)).status).toBe(201);
    expect((await record('BTL-3', 'S1', '2026-12-31', 55_000_000)).status).toBe(201);
  });

  it('counts each project’s latest balance dated on or before the date, and the band follows', async () => {
    expect(await ratio('2026-03-31')).toMatchObject({ outstanding: '200000000', btlNetLocalCost: '0', band: 'normal' });
    expect(await ratio('2026-09-30')).toMatchObject({
      outstanding: '270000000',
      bondsAndBorrowings: '200000000',
      btlNetLocalCost: '70000000',
      ratio: { percent: '27.00' },
      band: 'caution',
    });
    expect(await ratio('2026-12-31')).toMatchObject({ outstanding: '265000000', btlNetLocalCost: '65000000', ratio: { percent: '26.50' } });
  });
});
