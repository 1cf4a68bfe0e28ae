import { describe, expect, it } from 'vitest';
import { receivedFromOtherGovernments } from '#shared/domain/budget/net-total.ts';
import { grossIndicators, netIndicators } from '#shared/domain/disclosure/official-indicators.ts';

// A 도 (41000) and one of its 군 (41800), 일반회계 "100" each; the 군 also has a 특별회계 "200".
const province = [
  { account: '100', category: '1', amount: 600 }, // 지방세
  { account: '100', category: '2', amount: 100 }, // 세외수입
  { account: '100', category: '3', amount: 100 }, // 지방교부세
  { account: '100', category: '5', revenueCode: '5-1', amount: 200 }, // 국고보조금
];
const county = [
  { account: '100', category: '1', amount: 50 },
  { account: '100', category: '2', amount: 30 },
  { account: '100', category: '3', amount: 200 },
  { account: '100', category: '4', amount: 40 }, // 조정교부금 from the 도
  { account: '100', category: '5', revenueCode: '5-1', amount: 100 },
  { account: '100', category: '5', revenueCode: '5-2', amount: 60 }, // 도비보조금
  { account: '100', category: '7', revenueCode: '7-3', amount: 20 }, // 전입금 from the 특별회계
  { account: '200', category: '2', amount: 500 }, // 특별회계: outside the official basis
];
const general = new Set(['100']);

describe('official 재정자립도/재정자주도', () => {
  it('counts a government on its 일반회계 총계 only', () => {
    const county일반 = grossIndicators(county, general);
    // 총계 50+30+200+40+100+60+20 = 500; 자체수입 80; 자주재원 80+200+40 = 320.
    expect(county일반.revenueTotal).toBe(500n);
    expect(county일반.ownRevenue).toBe(80n);
    expect(county일반.autonomousRevenue).toBe(320n);
    expect(county일반.fiscalIndependence.percent).toBe('16.00');
    expect(county일반.fiscalAutonomy.percent).toBe('64.00');
  });

  it('reads transfers from the 시·도 off the receiving lines (4 and 5-2)', () => {
    expect(receivedFromOtherGovernments(county)).toEqual({ adjustment: 40n, subsidy: 60n });
    expect(receivedFromOtherGovernments(province)).toEqual({ adjustment: 0n, subsidy: 0n });
  });

  it('averages a 도 with its 군 on the 순계', () => {
    const lines = (all: typeof county) => all.filter((line) => general.has(line.account));
    const net = netIndicators([
      { gov: '41000', parentCode: '', lines: province },
      { gov: '41800', parentCode: '41000', lines: lines(county) },
    ]);
    // 총계 1000 + 500 = 1500, less 40 + 60 received from the 도 = 1400.
    // 자체수입 700 + 80 = 780 → 55.71%; 자주재원 (800 + 320) − 40 = 1080 → 77.14%.
    expect(net.netted).toBe(100n);
    expect(net.revenueTotal).toBe(1400n);
    expect(net.ownRevenue).toBe(780n);
    expect(net.autonomousRevenue).toBe(1080n);
    expect(net.fiscalIndependence.percent).toBe('55.71');
    expect(net.fiscalAutonomy.percent).toBe('77.14');
  });

  it('nets nothing when the paying 시·도 is not in the set', () => {
    const net = netIndicators([{ gov: '41800', parentCode: '41000', lines: county.filter((line) => general.has(line.account)) }]);
    expect(net.netted).toBe(0n);
    expect(net.revenueTotal).toBe(500n);
  });
});

describe('지방교육세 on the official basis', () => {
  it('leaves 지방교육세 (1-2-02) out of both numerators and keeps it in the total', () => {
    const lines = [
      { account: '100', category: '1', amount: 600 },
      { account: '100', category: '1', revenueCode: '1-2-02', amount: 100 },
      { account: '100', category: '3', amount: 100 },
      { account: '100', category: '5', revenueCode: '5-1', amount: 200 },
    ];
    const figures = grossIndicators(lines, general);
    expect(figures).toMatchObject({ revenueTotal: 1000n, ownRevenue: 600n, autonomousRevenue: 700n, educationTax: 100n });
    expect(figures.fiscalIndependence.percent).toBe('60.00');
  });
});
