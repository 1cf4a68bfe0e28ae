import { describe, expect, it } from 'vitest';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { readCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { carryForward } from '#shared/stores/settlement/carry-forward.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, revenue, setUpStructure } from './support.ts';

await useTestStack();

const gov = '27000'; // 대구광역시
const closedYear = 2026;
const year = 2027;
const bridge = expenditure({ detailCode: 'BRIDGE', statItem: '401-01', sector: '026', amount: 1_000, assetClass: 'infrastructure' });
const bridgeId = 'E.GEN.P01.U01.BRIDGE.401-01';
const system: RequestInfo = {
  requestId: 'closing-2026',
  sourceIp: '127.0.0.1',
  bodySha256: '',
  receivedAt: '2027-02-10T00:00:00.000Z',
  caller: undefined,
  actingRole: undefined,
  headers: {},
};

/** Last year's closing carries 300 won of the bridge line into this year (계속비이월). */
const carryBridge = () =>
  carryForward(
    { gov, period: periodOf('year-end', String(closedYear)) },
    [],
    [{ lineId: bridgeId, kind: 'continuing', amount: 300, reason: '교량 공사 계속' }],
    [],
    system,
  );

describe('carry-ins (이월) and the budget control items', () => {
  it('keeps the carry-in in 예산현액 when a later version becomes final, and folds an earlier one into new lines', async () => {
    await setUpStructure(gov);
    await carryBridge(); // recorded before the line exists in this year's control items
    await finalBudget(gov, year, 'original', [bridge, revenue({ amount: 1_000 })]);
    expect(await getLineControl(gov, year, bridgeId)).toMatchObject({ budget: 1_300, carryIn: 300 });

    await finalBudget(gov, year, 'supplementary', [{ ...bridge, amount: 1_200 }, revenue({ amount: 1_200 })]);
    expect(await getLineControl(gov, year, bridgeId)).toMatchObject({ budget: 1_500, carryIn: 300 });
  });

  it('keeps the year’s running 세출 예산현액 (the national execution rate’s denominator) through syncs and a later carry-in', async () => {
    // the two syncs above summed the control items: 1,200 + 300 carried in
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 1_500, carryIns: 0 });
    const road = expenditure({ detailCode: 'ROAD', statItem: '401-01', sector: '026', amount: 500, assetClass: 'infrastructure' });
    await finalBudget(gov, year, 'supplementary', [road, revenue({ amount: 1_700 })]);
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 2_000, carryIns: 0 });
    // a carry-in recorded after the budget is final grows the line and the total in one transaction
    await carryForward(
      { gov, period: periodOf('year-end', String(closedYear)) },
      [],
      [{ lineId: 'E.GEN.P01.U01.ROAD.401-01', kind: 'explicit', amount: 200, reason: '도로 공사 명시이월' }],
      [],
      system,
    );
    expect(await getLineControl(gov, year, 'E.GEN.P01.U01.ROAD.401-01')).toMatchObject({ budget: 700, carryIn: 200 });
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 2_200, carryIns: 200 });
  });
});
