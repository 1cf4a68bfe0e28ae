import { beforeAll, describe, expect, it } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';
import { writePlan } from '#shared/stores/settlement/adjustments.ts';
import { fund, officials, spend } from '#test/integration/accounting/support.ts';
import { EQUIPMENT, equipmentBudget, recodeEquipment, SUPPLIES } from '#test/integration/accounting/equipment-lines.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * While the year's depreciation is being written in parts (its plan stored, the header `pending`), a 과목경정
 * that would move a registered asset is refused (409 recoding-after-register) and nothing moves: the charge
 * being written is the register's as read (acquisitions.ts registeredPurchasesRefusal). Sent again once the
 * depreciation is recorded, it corrects the charge (recoding-registered-assets.test.ts).
 *   GEN 405-01 장비: p1 400,000 on 2026-05-20, registered (8 years)
 */
await useTestStack();

const GOV = '11290';
const YEAR = 2026;
const c = officials(GOV);

let p1 = '';
beforeAll(async () => {
  await equipmentBudget(GOV, YEAR);
  await fund(GOV, YEAR, 'GEN', '2026-05', 400_000);
  p1 = (await spend(GOV, YEAR, EQUIPMENT, 400_000, '2026-05-20'))[1]!.postingId;
  const registered = await callRoute(recordAdjustingEntries, {
    params: { gov: GOV, year: YEAR },
    body: { kind: 'acquisitions' },
    caller: c.chief,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  // a depreciation planned and not yet applied: what a call that failed midway leaves
  const planned = await writePlan(
    {
      gov: GOV,
      year: YEAR,
      kind: 'depreciation',
      input: { kind: 'depreciation' },
      planId: 'plan-pending',
      partCount: 1,
      recordedBy: c.chief.sub,
      recordedAt: '2026-11-30T10:00:00+09:00',
    },
    [{ entries: [], assets: [] }],
  );
  expect(planned.ok).toBe(true);
}, 240_000);

describe('a 과목경정 while the depreciation is being written', () => {
  it('is refused, and neither the register nor the books move', async () => {
    const refused = await recodeEquipment(GOV, YEAR, SUPPLIES, 100_000, 'K-1');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'recoding-after-register', context: { year: YEAR } });
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
    expect(register.map((a) => [a.assetId, a.cost])).toEqual([[p1, '400000']]);
    const { totals } = await readLedgerTotals({ gov: GOV, period: periodOf('year-end', String(YEAR)) });
    expect(totals.filter((t) => t.account === '1308').reduce((sum, t) => sum + BigInt(t.debit) - BigInt(t.credit), 0n)).toBe(400_000n);
  });
});
