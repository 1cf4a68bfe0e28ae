import { describe, expect, it } from 'vitest';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { readCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { carryForward } from '#shared/stores/settlement/carry-forward.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from './support.ts';

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

const roadId = 'E.GEN.P01.U01.ROAD.401-01';
const road = expenditure({ detailCode: 'ROAD', statItem: '401-01', sector: '026', amount: 500, assetClass: 'infrastructure' });

/** Last year's closing carries 300 won of the bridge line into this year (계속비이월). */
const carryBridge = () =>
  carryForward(
    { gov, period: periodOf('year-end', String(closedYear)) },
    [],
    [{ lineId: bridgeId, kind: 'continuing', amount: 300, reason: '교량 공사 계속' }],
    [],
    system,
  );

// A carried budget is a line of its own (지방재정법 제50조; shared/domain/settlement/carried-budget.ts):
// `{lineId}.C{year}{E|A|K}`, never added onto this year's line of the same code.
describe('carry-ins (이월) and the budget control items', () => {
  it("keeps the carried line beside this year's line of the same code through a final version and a 추경", async () => {
    await setUpStructure(gov);
    await finalBudget(gov, closedYear, 'original', [bridge, road, reserve(10), revenue({ amount: 1_510 })]);
    await carryBridge();
    const carried = `${bridgeId}.C${closedYear}K`;
    expect(await getLineControl(gov, year, carried)).toMatchObject({ budget: 300, carryIn: 300, allotted: 300, carryKind: 'continuing' });

    await finalBudget(gov, year, 'original', [bridge, reserve(10), revenue({ amount: 1_010 })]);
    expect(await getLineControl(gov, year, bridgeId)).toMatchObject({ budget: 1_000, carryIn: 0 });
    await finalBudget(gov, year, 'supplementary', [{ ...bridge, amount: 1_200 }, revenue({ amount: 1_210 })]);
    expect(await getLineControl(gov, year, bridgeId)).toMatchObject({ budget: 1_200, carryIn: 0 });
    expect(await getLineControl(gov, year, carried)).toMatchObject({ budget: 300, carryIn: 300 });
  });

  it("keeps the year's running 세출 예산현액 (the national execution rate's denominator) through syncs and a later carry-in", async () => {
    // the syncs above summed the control items: 1,200, the 예비비 10 and the carried 300 (carryIns counts what the
    // closings added, the fence a sync's write is conditional on)
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 1_510, carryIns: 300 });
    await finalBudget(gov, year, 'supplementary', [road, revenue({ amount: 1_710 })]);
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 2_010, carryIns: 300 });
    // a carry-over recorded after the budget is final: its carried line and the total, in one transaction
    await carryForward(
      { gov, period: periodOf('year-end', String(closedYear)) },
      [],
      [{ lineId: roadId, kind: 'explicit', amount: 200, reason: '도로 공사 명시이월' }],
      [],
      system,
    );
    expect(await getLineControl(gov, year, roadId)).toMatchObject({ budget: 500, carryIn: 0 });
    expect(await getLineControl(gov, year, `${roadId}.C${closedYear}E`)).toMatchObject({ budget: 200, carryIn: 200 });
    expect(await readCurrentBudget(gov, year)).toEqual({ expenditureCurrent: 2_210, carryIns: 500 });
  });
});
