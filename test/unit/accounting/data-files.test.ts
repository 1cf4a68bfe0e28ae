import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import chartJson from '#shared/data/accounting/chart-of-accounts.json' with { type: 'json' };
import mapJson from '#shared/data/accounting/journal-map.json' with { type: 'json' };
import { account, chart } from '#shared/domain/accounting/chart.ts';
import { journalMap } from '#shared/domain/accounting/journal-map.ts';

/** The CSV files are the reviewed source; the JSON copies are what the bundles import. They must agree. */
const csvRows = (name: string) => {
  const [header, ...rows] = readFileSync(new URL(`../../../shared/data/accounting/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

describe('accounting data files', () => {
  it('JSON copies equal their CSV', () => {
    expect(chartJson).toEqual(csvRows('chart-of-accounts.csv'));
    expect(mapJson).toEqual(csvRows('journal-map.csv'));
  });

  it('account codes are unique and every account names its basis', () => {
    expect(new Set(chart.map((a) => a.code)).size).toBe(chart.length);
    for (const a of chart) expect(a.basis, a.code).not.toBe('');
  });

  it('every account the journal map names exists; contra accounts point at an existing account', () => {
    for (const row of journalMap)
      for (const code of [row.target, row.settlement, row.allowance].filter(Boolean)) expect(() => account(code)).not.toThrow();
    for (const a of chart.filter((x) => x.contraOf)) expect(account(a.contraOf).class).toBe(a.class);
  });

  it('each fixed-asset class has its own 건설중인자산, 감가상각누계액 and default acquisition account', () => {
    for (const section of ['일반유형자산', '주민편의시설', '사회기반시설']) {
      for (const role of ['construction', 'accumulated-depreciation', 'acquisition']) {
        expect(
          chart.filter((a) => a.section === section && a.role === role),
          `${section} ${role}`,
        ).toHaveLength(1);
      }
    }
  });
});
