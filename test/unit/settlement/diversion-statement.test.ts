import { describe, expect, it } from 'vitest';
import type { DiversionRecord } from '#shared/domain/budget/diversion-statement.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';

/**
 * 예산전용조서 in the 세입·세출결산서 (지방재정법 §49④: the 전용 amounts stated with their reasons).
 * Figures by hand: 1,000,000 + 400,000 − 400,000 (the reversal) + 250,000 = 1,250,000 moved in all.
 */
const record = (
  changeId: string,
  decisionDate: string,
  from: string,
  to: string,
  amount: number,
  reason: string,
  reverses: string | null = null,
) =>
  ({
    changeId,
    reference: changeId.slice('diversion.'.length),
    from,
    to,
    amount,
    reason,
    decisionDate,
    quarter: Math.ceil(Number(decisionDate.slice(5, 7)) / 3),
    reverses,
  }) satisfies DiversionRecord;
const office = 'E.GEN.P01.U01.D001.201-01';
const materials = 'E.GEN.P01.U01.D001.206-01';
const travel = 'E.WATER.P05.U05.D050.202-01';
const fuel = 'E.WATER.P05.U05.D050.206-02';
const diversions = [
  record('diversion.D-3', '2026-09-01', fuel, travel, 250_000, '현장 출장 증가'),
  record('diversion.D-1', '2026-04-10', office, materials, 1_000_000, '자재 단가 상승'),
  record('diversion.D-2', '2026-05-02', office, materials, 400_000, '추가 자재'),
  record('diversion.D-2~R', '2026-06-30', materials, office, -400_000, '착오 (reference D-2-R)', 'diversion.D-2'),
];

describe('예산전용조서 (지방재정법 §49④)', () => {
  const report = budgetSettlement(
    '11170',
    2026,
    [],
    [],
    { GEN: '일반회계', WATER: '상수도사업특별회계' },
    diversions,
    [],
    [],
    new Set(),
    undefined,
    {
      programs: { P01: '도로 정비', P09: '쓰지 않은 사업' },
    },
  );
  const table = report.tables.find((t) => t.id === 'diversions');

  it('lists every 전용 by decision date with its 회계, 정책사업, 과목, amount and reason; a reversal as its own negative row', () => {
    expect(table?.title).toBe('예산전용조서');
    expect(table?.rows).toEqual([
      {
        decisionDate: '2026-04-10',
        changeId: 'diversion.D-1',
        fund: 'GEN',
        policy: 'P01',
        from: office,
        to: materials,
        amount: 1_000_000n,
        reason: '자재 단가 상승',
        reverses: '',
      },
      {
        decisionDate: '2026-05-02',
        changeId: 'diversion.D-2',
        fund: 'GEN',
        policy: 'P01',
        from: office,
        to: materials,
        amount: 400_000n,
        reason: '추가 자재',
        reverses: '',
      },
      {
        decisionDate: '2026-06-30',
        changeId: 'diversion.D-2~R',
        fund: 'GEN',
        policy: 'P01',
        from: materials,
        to: office,
        amount: -400_000n,
        reason: '착오 (reference D-2-R)',
        reverses: 'diversion.D-2',
      },
      {
        decisionDate: '2026-09-01',
        changeId: 'diversion.D-3',
        fund: 'WATER',
        policy: 'P05',
        from: fuel,
        to: travel,
        amount: 250_000n,
        reason: '현장 출장 증가',
        reverses: '',
      },
    ]);
  });

  it('prints as CSV with the 회계 and 정책사업 names beside their codes and the net total', () => {
    const lines = tableCsv(table!).split('\r\n');
    expect(lines[0]).toBe('\uFEFF결정일,전용번호,회계,회계명,정책사업,정책사업명,전용한 과목,전용받은 과목,전용액,전용 사유,취소한 전용');
    // a date-like text cell is written as a formula string so a spreadsheet keeps it as text (csv.ts)
    expect(lines[1]).toBe(`"=""2026-04-10""",diversion.D-1,GEN,일반회계,P01,도로 정비,${office},${materials},1000000,자재 단가 상승,`);
    expect(lines[3]).toMatch(/,diversion\.D-2~R,GEN,일반회계,P01,도로 정비,.*,-400000,착오 \(reference D-2-R\),diversion\.D-2$/);
    expect(lines.at(-2)).toBe(',합계,,,,,,,1250000,,');
    // only the 정책사업 the statement lists are named (P05 has no name given; P09 is not listed)
    expect(table?.names?.policy).toEqual({ P01: '도로 정비' });
  });

  it('is an empty table (header only) in a year without 전용', () => {
    const none = budgetSettlement('11170', 2026, [], []).tables.find((t) => t.id === 'diversions');
    expect(none?.rows).toEqual([]);
  });
});
