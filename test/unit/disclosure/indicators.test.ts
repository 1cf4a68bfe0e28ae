import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarise } from '#shared/domain/disclosure/budget-summary.ts';
import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { indicatorTable } from '#shared/domain/disclosure/indicator-table.ts';
import { basisPointsOf, exactRatio } from '#shared/domain/disclosure/ratio.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';

describe('exact ratio', () => {
  it.each([
    [1n, 3n, '33.33'],
    [2n, 3n, '66.67'],
    [1n, 8n, '12.50'],
    [1n, 1n, '100.00'],
    [0n, 5n, '0.00'],
    [1n, 20_000n, '0.01'], // 0.005% rounds half up
    [1n, 20_001n, '0.00'], // just under 0.005%
    [12_345n, 100_000n, '12.35'], // 12.345% rounds half up
    [3n, 2n, '150.00'],
  ])('%s / %s = %s%%', (numerator, denominator, percent) => {
    expect(exactRatio(numerator, denominator)).toEqual({ numerator: String(numerator), denominator: String(denominator), percent });
  });

  it('has no percentage for a zero denominator', () => {
    expect(exactRatio(5n, 0n).percent).toBeNull();
  });

  it('stays exact beyond 2^53, where a float ratio drifts', () => {
    // 326.0 trillion won (the 2025 national budget) × 1,000 years of it vs one won more in the numerator.
    const denominator = 326_000_000_000_000_000n;
    const numerator = denominator / 8n + 1n; // 12.5000…% + a hair: still 12.50
    expect(exactRatio(numerator, denominator).percent).toBe('12.50');
    // Exactly half a hundredth above 12.34%: 12.345% of the denominator rounds up to 12.35.
    expect(exactRatio((denominator * 12_345n) / 100_000n, denominator).percent).toBe('12.35');
    expect(exactRatio((denominator * 12_345n) / 100_000n - 1n, denominator).percent).toBe('12.34');
    expect(exactRatio(9_007_199_254_740_993n, 9_007_199_254_740_993n * 3n).numerator).toBe('9007199254740993');
  });

  it('matches rounding by hand for any pair', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 24n }), (n, d) => {
        const hundredths = basisPointsOf(n, d)!;
        // hundredths − ½ ≤ n/d × 10000 < hundredths + ½, in integers.
        expect(2n * hundredths * d - d <= 20_000n * n).toBe(true);
        expect(20_000n * n < 2n * hundredths * d + d).toBe(true);
      }),
    );
  });
});

describe('fiscal indicators', () => {
  it('computes 재정자립도 and 재정자주도 from revenue by category (hand-computed)', () => {
    // 지방세 300, 세외 100, 교부세 250, 조정교부금 50, 보조금 200, 지방채 60, 보전수입 40 → total 1,000
    const revenue = [
      { category: '1', amount: 200 },
      { category: '1', amount: 100 },
      { category: '2', amount: 100 },
      { category: '3', amount: 250 },
      { category: '4', amount: 50 },
      { category: '5', amount: 200 },
      { category: '6', amount: 60 },
      { category: '7', amount: 40 },
    ];
    const indicators = indicatorsOf(revenue);
    expect(indicators.revenueTotal).toBe(1_000n);
    expect(indicators.fiscalIndependence).toEqual({ numerator: '400', denominator: '1000', percent: '40.00' });
    expect(indicators.fiscalAutonomy).toEqual({ numerator: '700', denominator: '1000', percent: '70.00' });
  });

  it('sums large budgets exactly (서울 scale lines over several accounts)', () => {
    const max = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 won per line
    const indicators = indicatorsOf([
      { category: '1', amount: max },
      { category: '1', amount: max },
      { category: '3', amount: max },
      { category: '5', amount: 3 },
    ]);
    expect(indicators.revenueTotal).toBe(3n * BigInt(max) + 3n);
    expect(indicators.fiscalIndependence.numerator).toBe('18014398509481982');
    expect(indicators.fiscalIndependence.denominator).toBe('27021597764222976');
    // 2·max / (3·max + 3) = 66.666…% just below two thirds → 66.67
    expect(indicators.fiscalIndependence.percent).toBe('66.67');
    expect(indicators.fiscalAutonomy.percent).toBe('100.00'); // (3·max)/(3·max+3) = 99.9999…% rounds to 100.00
  });

  it('has no percentage for a budget without revenue', () => {
    expect(indicatorsOf([]).fiscalIndependence).toEqual({ numerator: '0', denominator: '0', percent: null });
  });
});

describe('budget summary', () => {
  it('lists every category and 분야 in code order and adds up to the totals', () => {
    const summary = summarise(
      [
        { category: '2', amount: 5 },
        { category: '1', amount: 10 },
      ],
      [
        { field: '080', amount: 7 },
        { field: '010', amount: 3 },
        { field: '080', amount: 5 },
      ],
    );
    expect(summary.revenue.map((row) => row.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(summary.revenue.slice(0, 2)).toEqual([
      { code: '1', name: '지방세수입', amount: 10n },
      { code: '2', name: '세외수입', amount: 5n },
    ]);
    expect(summary.expenditure).toHaveLength(14);
    expect(summary.expenditure.find((row) => row.code === '080')).toMatchObject({ amount: 12n });
    expect(summary.revenueTotal).toBe(15n);
    expect(summary.expenditureTotal).toBe(15n);
  });
});

describe('nationwide indicator CSV', () => {
  it('has a row per government, figures where a budget is final, and a BOM', () => {
    const governments = [
      { code: '11000', nameKo: '서울특별시', level: 'metropolitan' },
      { code: '11110', nameKo: '종로구', level: 'basic' },
    ];
    const disclosed = new Map([
      [
        '11110',
        {
          version: 1,
          indicators: indicatorsOf([
            { category: '1', amount: 1 },
            { category: '5', amount: 2 },
          ]),
        },
      ],
    ]);
    const csv = tableCsv(indicatorTable(2026, governments, disclosed));
    expect(
      csv.startsWith(
        '\uFEFF자치단체코드,자치단체명,구분,회계연도,예산차수,세입예산,자체수입,재정자립도(%),자주재원,재정자주도(%),' +
          '재정자립도(%) 일반회계·당초,재정자주도(%) 일반회계·당초\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['11000,서울특별시,광역,2026,,,,,,,,', '11110,종로구,기초,2026,1,3,1,33.33,1,33.33,,']);
  });
});
