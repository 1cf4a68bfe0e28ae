import { describe, expect, it } from 'vitest';
import { debtBand, debtRatio } from '#shared/domain/debt/debt-ratio.ts';
import { nationalDebtView } from '#shared/domain/debt/national-view.ts';
import { repaymentDateRefusal, repaymentRefusal } from '#shared/domain/debt/repayment.ts';

describe('debt ratio bands (예산대비채무비율)', () => {
  const budget = 580_000_000_000n; // 봉화군 2026: ₩580.0 billion

  it.each([
    [budget / 4n, 'normal'], // exactly 25% is not 25% 초과
    [budget / 4n + 1n, 'caution'], // one won above 25%
    [(budget * 2n) / 5n, 'caution'], // exactly 40% is not 40% 초과
    [(budget * 2n) / 5n + 1n, 'severe'], // one won above 40%
    [0n, 'normal'],
    [budget * 3n, 'severe'],
  ])('%s won of debt → %s', (outstanding, band) => {
    expect(debtBand(outstanding, budget)).toBe(band);
  });

  it('decides edges exactly where a rounded percentage cannot (budget not divisible by 4)', () => {
    const odd = 51_500_000_000_003n; // 서울 2026 scale plus 3 won
    // 25% of it is 12,875,000,000,000.75: 12,875,000,000,000 is below (normal) and 12,875,000,000,001
    // above (caution), though both print as 25.00%.
    expect(debtRatio(12_875_000_000_000n, odd)).toMatchObject({ band: 'normal', ratio: { percent: '25.00' } });
    expect(debtRatio(12_875_000_000_001n, odd)).toMatchObject({ band: 'caution', bandName: '주의', ratio: { percent: '25.00' } });
  });

  it('has no band without a budget', () => {
    expect(debtRatio(1n, 0n)).toEqual({ ratio: { numerator: '1', denominator: '0', percent: null }, band: null, bandName: null });
  });

  it('counts bands nationwide and sums outstanding beyond 2^53', () => {
    const big = 9_007_199_254_740_991n;
    const view = nationalDebtView(
      [
        { code: '11000', nameKo: '서울특별시' },
        { code: '26000', nameKo: '부산광역시' },
        { code: '27000', nameKo: '대구광역시' },
      ],
      new Map([
        ['11000', big],
        ['26000', big],
      ]),
      new Map([
        ['11000', big * 10n],
        ['27000', 100n],
      ]),
    );
    expect(view.outstandingTotal).toBe(2n * big);
    expect(view.bands).toEqual({ normal: 2, caution: 0, severe: 0, unknown: 1 });
    expect(view.items.map((item) => item.band)).toEqual(['normal', null, 'normal']);
  });
});

describe('repayment limit', () => {
  it('allows repaying exactly what is outstanding and not one won more', () => {
    expect(repaymentRefusal(1_000, 1_000, 'LB-1')).toBeUndefined();
    expect(repaymentRefusal(1_000, 1_001, 'LB-1')).toMatchObject({
      kind: 'unprocessable',
      code: 'repayment-exceeds-outstanding',
      context: { amount: 1_001, outstanding: 1_000 },
    });
  });

  it('refuses a repayment dated before the issue, and allows one on the issue date', () => {
    expect(repaymentDateRefusal('2026-03-02', '2026-03-02')).toBeUndefined();
    expect(repaymentDateRefusal('2026-03-02', '2026-03-01')).toMatchObject({
      kind: 'unprocessable',
      code: 'repayment-before-issue',
      context: { issueDate: '2026-03-02' },
    });
  });
});
