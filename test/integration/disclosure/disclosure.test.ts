import { describe, expect, it } from 'vitest';
import {
  downloadNationwideIndicators,
  getDisclosedBudgetSummary,
  getFiscalIndicators,
  getIndicatorAverages,
} from '#shared/routes/disclosure.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';

await useTestStack();

const gov = '11110'; // 종로구
const year = 2026;

describe('open-data disclosure of a final budget (no token)', () => {
  it('answers 404 before any budget is final', async () => {
    const none = await callRoute(getFiscalIndicators, { params: { gov, year } });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('no-final-budget');
  });

  it('discloses the budget summary and exact indicators once the budget is final', async () => {
    await setUpStructure(gov);
    await finalBudget(gov, year, 'original', [
      revenue({ category: '1', item: 'ACQTAX', amount: 300_000_000 }),
      revenue({ category: '2', revenueCode: '2-1', item: 'FEES', name: '수수료', amount: 100_000_001 }),
      revenue({ category: '3', item: 'GRANT', name: '보통교부세', amount: 250_000_000 }),
      revenue({ category: '5', revenueCode: '5-1', item: 'SUBSIDY', name: '국고보조금', amount: 350_000_002 }),
      expenditure({ detailCode: 'D001', sector: '016', amount: 590_000_000 }),
      reserve(10_000_000), // 일반행정 (016) too: the 일반회계's 예비비 (지방재정법 §43①)
      expenditure({ detailCode: 'D002', sector: '061', amount: 400_000_003 }),
    ]);

    const summary = await callRoute(getDisclosedBudgetSummary, { params: { gov, year } });
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    expect(summary.headers['cache-control']).toBe('public, max-age=300');
    expect(summary.body).toMatchObject({ gov, year, version: 0, revenueTotal: '1000000003', expenditureTotal: '1000000003' });
    expect(summary.body.revenue.find((row: { code: string }) => row.code === '2')).toEqual({
      code: '2',
      name: '세외수입',
      amount: '100000001',
    });
    expect(summary.body.expenditure.find((row: { code: string }) => row.code === '060')).toEqual({
      code: '060',
      name: '문화 및 관광',
      amount: '400000003',
    });
    expect(summary.body.expenditure.find((row: { code: string }) => row.code === '010').amount).toBe('600000000');

    const indicators = await callRoute(getFiscalIndicators, { params: { gov, year } });
    expect(indicators.status).toBe(200);
    // (300,000,000 + 100,000,001) / 1,000,000,003 = 40.0000…% ; + 250,000,000 → 65.0000…%
    expect(indicators.body).toMatchObject({
      ownRevenue: '400000001',
      autonomousRevenue: '650000001',
      fiscalIndependence: { numerator: '400000001', denominator: '1000000003', percent: '40.00' },
      fiscalAutonomy: { numerator: '650000001', denominator: '1000000003', percent: '65.00' },
    });
  });

  it('downloads the indicators of all 243 governments as CSV with a BOM', async () => {
    const csv = await callRoute(downloadNationwideIndicators, { params: { year } });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = csv.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trimEnd().split('\r\n');
    // 243 governments, then the averages on the 순계: 전국 and 서울 (종로구 is its only member with a budget).
    expect(rows).toHaveLength(1 + 243 + 2);
    expect(rows[0]).toContain(',재정자립도(%) 일반회계·당초,재정자주도(%) 일반회계·당초');
    expect(rows).toContain('11110,종로구,기초,2026,0,1000000003,400000001,40.00,650000001,65.00,40.00,65.00');
    expect(rows).toContain('11000,서울특별시,광역,2026,,,,,,,,');
    expect(rows.slice(-2)).toEqual([
      '전국,전국 평균(순계),평균,2026,,,,,,,40.00,65.00',
      '11000,서울특별시 평균(순계),평균,2026,,,,,,,40.00,65.00',
    ]);
  });

  it('keeps the official indicators on the 일반회계 of the 당초예산 after a 추경 adds a 특별회계', async () => {
    await finalBudget(gov, year, 'supplementary', [
      revenue({ account: 'WATER', category: '2', revenueCode: '2-1', item: 'WATERFEE', name: '상수도요금', amount: 500_000_000 }),
      revenue({ item: 'ACQTAX', amount: 400_000_000 }),
      expenditure({ account: 'WATER', detailCode: 'W001', amount: 500_000_000 }),
      expenditure({ detailCode: 'D003', amount: 100_000_000 }),
    ]);
    const indicators = await callRoute(getFiscalIndicators, { params: { gov, year } });
    expect(indicators.status, JSON.stringify(indicators.body)).toBe(200);
    // The disclosed (final, every 회계) figures move: 자체수입 400,000,001 + 100,000,000 + 500,000,000 over 1,600,000,003.
    expect(indicators.body).toMatchObject({ version: 1, revenueTotal: '1600000003', ownRevenue: '1000000001' });
    expect(indicators.body.fiscalIndependence.percent).toBe('62.50');
    // The official basis stays on version 0's 일반회계: 400,000,001 / 1,000,000,003 and 650,000,001 / 1,000,000,003.
    expect(indicators.body.official).toEqual({
      basis: '일반회계·당초예산·총계',
      version: 0,
      revenueTotal: '1000000003',
      ownRevenue: '400000001',
      autonomousRevenue: '650000001',
      fiscalIndependence: { numerator: '400000001', denominator: '1000000003', percent: '40.00' },
      fiscalAutonomy: { numerator: '650000001', denominator: '1000000003', percent: '65.00' },
      educationTax: '0',
    });
  });

  it('serves the national and 시·도 averages on the 순계, 지방교육세 out of the numerators', async () => {
    // 서울 (11000): 취득세 800,000,000 + 지방교육세 (1-2-02) 200,000,000 + 세외수입 100,000,000 + 국고보조금 300,000,000.
    // Its own official figures: 자체수입 900,000,000 (지방교육세 out) / 1,400,000,000 = 64.29%, 자주재원 the same.
    const seoul = '11000';
    await setUpStructure(seoul);
    await finalBudget(seoul, year, 'original', [
      revenue({ category: '1', item: 'ACQTAX', amount: 800_000_000 }),
      revenue({ category: '1', revenueCode: '1-2-02', item: 'EDUTAX', name: '지방교육세', amount: 200_000_000 }),
      revenue({ category: '2', revenueCode: '2-1', item: 'FEES', name: '수수료', amount: 100_000_000 }),
      revenue({ category: '5', revenueCode: '5-1', item: 'SUBSIDY', name: '국고보조금', amount: 300_000_000 }),
      expenditure({ detailCode: 'D001', sector: '016', amount: 1_386_000_000 }),
      reserve(14_000_000),
    ]);
    const own = await callRoute(getFiscalIndicators, { params: { gov: seoul, year } });
    expect(own.body.official).toMatchObject({
      ownRevenue: '900000000',
      educationTax: '200000000',
      fiscalIndependence: { numerator: '900000000', denominator: '1400000000', percent: '64.29' },
    });
    // 순계 of 서울 + 종로구 (종로구 received nothing from 서울: netted 0): 1,300,000,001 / 2,400,000,003 = 54.17%;
    // 자주재원 1,300,000,001 + 250,000,000 = 1,550,000,001 → 64.58%.
    const averages = await callRoute(getIndicatorAverages, { params: { year } });
    expect(averages.status, JSON.stringify(averages.body)).toBe(200);
    const seoulAverage = {
      revenueTotal: '2400000003',
      ownRevenue: '1300000001',
      autonomousRevenue: '1550000001',
      fiscalIndependence: { numerator: '1300000001', denominator: '2400000003', percent: '54.17' },
      fiscalAutonomy: { numerator: '1550000001', denominator: '2400000003', percent: '64.58' },
      educationTax: '200000000',
      netted: '0',
    };
    expect(averages.body).toMatchObject({ year, basis: '일반회계·당초예산·순계', governments: 2, national: seoulAverage });
    expect(averages.body.provinces.find((p: { code: string }) => p.code === seoul)).toEqual({
      code: seoul,
      name: '서울특별시',
      governments: 2,
      ...seoulAverage,
    });
    expect(averages.body.provinces.find((p: { code: string }) => p.code === '26000')).toMatchObject({ governments: 0 });
    const csv = (await callRoute(downloadNationwideIndicators, { params: { year } })).body as string;
    expect(csv).toContain('\r\n11000,서울특별시 평균(순계),평균,2026,,,,,,,54.17,64.58');
  });
});
