import { describe, expect, it } from 'vitest';
import type { RegisteredAsset } from '#shared/domain/accounting/year-end-adjustments.ts';
import { depreciationRecharge } from '#shared/domain/execution/register-moves.ts';

/**
 * A 과목경정 after the year's depreciation corrects it (회계기준규칙 제60조②, 제49조② 정액법 월할):
 *   p1 일반유형자산 (1308) 600,000 in service 2026-04-15, 8 years: 9 months charged = 600,000 × 9 / 96 = 56,250
 *   moved: p1 → 300,000 (charge 28,125) and 200,000 onto 주민편의시설 (1405, 20 years: 200,000 × 9 / 240 = 7,500);
 *   100,000 recoded to an expense (no asset)
 *   correction: Dr 1310 28,125 (56,250 − 28,125) / Cr 1407 7,500 / Cr 5103 감가상각비 20,625 (28,125 − 7,500)
 */
const p1: RegisteredAsset = {
  assetId: 'p1',
  registeredYear: 2026,
  entity: 'GEN',
  account: '1308',
  cost: 300_000n,
  residual: 0n,
  inService: '2026-04-15',
  usefulLifeYears: 8,
  structureType: '정책사업',
  function: '010',
};
const moved: RegisteredAsset = { ...p1, assetId: 'recoding.K-4.to.p1', account: '1405', cost: 200_000n, usefulLifeYears: 20 };

describe('depreciationRecharge', () => {
  it('reverses the charge on the old class and charges the moved part on the new one, netted per account', () => {
    const entries = depreciationRecharge(
      'recoding.K-4',
      { changed: [{ asset: p1, previousCost: 600_000n }], removed: [], added: [{ asset: moved, movedFrom: 'p1' }] },
      2026,
    );
    expect(entries).toEqual([
      {
        entity: 'GEN',
        lines: [
          { account: '1310', debit: 28_125n, credit: 0n },
          { account: '1407', debit: 0n, credit: 7_500n },
          { account: '5103', debit: 0n, credit: 20_625n, function: '010' },
        ],
      },
    ]);
    if ('code' in entries) throw new Error(entries.detail);
    expect(entries[0]!.lines.reduce((s, l) => s + l.debit - l.credit, 0n)).toBe(0n);
  });

  it('reverses the whole charge of an asset that leaves the register, and writes nothing when no charge changes', () => {
    expect(
      depreciationRecharge(
        'recoding.K-5',
        { changed: [], removed: [{ asset: { ...p1, cost: 0n }, previousCost: 300_000n }], added: [] },
        2026,
      ),
    ).toEqual([
      {
        entity: 'GEN',
        lines: [
          { account: '1310', debit: 28_125n, credit: 0n },
          { account: '5103', debit: 0n, credit: 28_125n, function: '010' },
        ],
      },
    ]);
    // an asset not depreciated (토지-like: no life) changes no charge
    const land = { ...p1, usefulLifeYears: null };
    expect(
      depreciationRecharge('recoding.K-6', { changed: [{ asset: land, previousCost: 600_000n }], removed: [], added: [] }, 2026),
    ).toEqual([]);
  });

  it('refuses a move that leaves a residual above the new cost (제49조②)', () => {
    const refused = depreciationRecharge(
      'recoding.K-7',
      { changed: [{ asset: { ...p1, cost: 50_000n, residual: 60_000n }, previousCost: 600_000n }], removed: [], added: [] },
      2026,
    );
    expect(refused).toMatchObject({ code: 'recoding-after-register' });
  });
});
