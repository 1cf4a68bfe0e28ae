import { describe, expect, it } from 'vitest';
import { allowanceAdjustment, constructionCompletion, depreciation } from '#shared/domain/accounting/adjustments.ts';
import { bondIssue } from '#shared/domain/accounting/bond-issue.ts';
import { creditLine, debitLine } from '#shared/domain/accounting/journal.ts';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import { journalFor } from '#shared/domain/accounting/journal-map.ts';
import type { PostingInput } from '#shared/domain/accounting/journal-map.ts';
import { closingBalances } from '#shared/domain/accounting/ledger.ts';
import type { AccountingEntity, EntityYear } from '#shared/domain/accounting/ledger.ts';
import { budgetReconciliation, reconciliationDifferences } from '#shared/domain/accounting/reconciliation.ts';
import { governmentStatements } from '#shared/domain/accounting/statements/statement-set.ts';
import type { StatementSet } from '#shared/domain/accounting/statements/statement-set.ts';

/**
 * A golden fiscal year (2025, with 2024 as the comparative year) for one government with three
 * 회계실체. All amounts are in 백만원 (m(n) = n × 1,000,000 won); the arithmetic is in the comments.
 *   GEN  일반회계          taxes, 교부세, 국고보조금, staff, a road built and completed mid-year,
 *                           a bond issued at a discount with interest and a principal repayment,
 *                           전출금 to PARK (50) and to SME (100)
 *   PARK 주차장특별회계    (기타특별회계) parking fees against its operating cost, 전입금 50
 *   SME  중소기업육성기금  (기금회계) 전입금 100, a loan granted (300) and partly repaid (100), interest 6
 */
const m = (n: number) => BigInt(n) * 1_000_000n;
const GEN: AccountingEntity = { id: 'GEN', name: '일반회계', type: '일반회계' };
const PARK: AccountingEntity = { id: 'PARK', name: '주차장특별회계', type: '기타특별회계' };
const SME: AccountingEntity = { id: 'SME', name: '중소기업육성기금', type: '기금회계' };
const ROADS = '140'; // 국토 및 지역개발
const TRANSPORT = '120'; // 교통 및 물류

const post = (input: PostingInput) => journalFor(input);
const opening = (cash: number): JournalLine[] => [
  { account: '1101', debit: m(cash), credit: 0n },
  { account: '3101', debit: 0n, credit: m(cash) },
];

const prior: EntityYear[] = [
  {
    entity: GEN,
    opening: opening(500),
    entries: [
      post({ entity: 'GEN', stage: 'collect-direct', revenueCode: '1', amount: m(1000) }),
      post({ entity: 'GEN', stage: 'pay-direct', itemCode: '101-01', structureType: '행정운영경비', amount: m(400) }),
    ],
  },
  {
    entity: PARK,
    opening: opening(200),
    entries: [post({ entity: 'PARK', stage: 'collect-direct', revenueCode: '2-1-01', function: TRANSPORT, amount: m(50) })],
  },
  {
    entity: SME,
    opening: opening(300),
    entries: [post({ entity: 'SME', stage: 'collect-direct', revenueCode: '2-1-03', amount: m(10) })],
    specificNetAssets: { opening: m(300), closing: m(300) },
  },
];
const priorOf = (id: string) => closingBalances(prior.find((b) => b.entity.id === id)!);

const road = {
  entity: 'GEN',
  account: '1501',
  cost: m(600),
  residual: 0n,
  inService: '2025-07-01',
  usefulLifeYears: 20,
  structureType: '정책사업',
  function: ROADS,
} as const;

const genEntries = [
  post({ entity: 'GEN', stage: 'collect-direct', revenueCode: '7-1', amount: m(1100) }), // 순세계잉여금: memo only
  post({ entity: 'GEN', stage: 'assess', revenueCode: '1', amount: m(2000) }),
  post({ entity: 'GEN', stage: 'collect', revenueCode: '1', amount: m(1500) }),
  post({ entity: 'GEN', stage: 'collect-direct', revenueCode: '3', amount: m(800) }),
  post({ entity: 'GEN', stage: 'collect-direct', revenueCode: '5-1', amount: m(300) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '101-01', structureType: '정책사업', function: ROADS, amount: m(200) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '101-01', structureType: '행정운영경비', amount: m(150) }),
  post({ entity: 'GEN', stage: 'resolve', itemCode: '401-01', assetClass: '사회기반시설', amount: m(600) }),
  post({ entity: 'GEN', stage: 'pay', itemCode: '401-01', assetClass: '사회기반시설', amount: m(600) }),
  constructionCompletion({ entity: 'GEN', assetAccount: '1501', amount: m(600) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '702-01', internalCounterpart: 'SME', amount: m(100) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '701-01', internalCounterpart: 'PARK', amount: m(50) }),
  bondIssue({ entity: 'GEN', face: m(500), proceeds: m(490) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '311-02', amount: m(30) }),
  post({ entity: 'GEN', stage: 'pay-direct', itemCode: '601-01', debtInstrument: '지방채증권', amount: m(100) }),
  // 결산정리: road 600 over 20 years from July: 600 × 6 / 240 = 15
  depreciation(road, 2025)!,
  // 대손충당금 10% of 미수세금 (2000 − 1500 = 500): 50
  allowanceAdjustment({
    entity: 'GEN',
    receivableAccount: '1103',
    receivableBalance: m(500),
    allowanceBalance: 0n,
    rate: { numerator: 1n, denominator: 10n },
  })!,
  // 할인발행차금 (제54조②): this pure year takes the year's amortisation as given, 2 of the 10 (its effective-interest
  // computation from the register schedule, and the write-off of a repaid part, are bond-issue-difference.test.ts
  // and the integration golden year).
  { entity: 'GEN', lines: [debitLine('5301', m(2)), creditLine('2202', m(2))] },
];

const current: EntityYear[] = [
  { entity: GEN, opening: priorOf('GEN'), entries: genEntries },
  {
    entity: PARK,
    opening: priorOf('PARK'),
    entries: [
      post({ entity: 'PARK', stage: 'collect-direct', revenueCode: '7-3', internalCounterpart: 'GEN', amount: m(50) }),
      post({ entity: 'PARK', stage: 'collect-direct', revenueCode: '2-1-01', function: TRANSPORT, amount: m(120) }),
      post({ entity: 'PARK', stage: 'pay-direct', itemCode: '201-01', structureType: '정책사업', function: TRANSPORT, amount: m(90) }),
    ],
  },
  {
    entity: SME,
    opening: priorOf('SME'),
    entries: [
      post({ entity: 'SME', stage: 'collect-direct', revenueCode: '7-3', internalCounterpart: 'GEN', amount: m(100) }),
      post({ entity: 'SME', stage: 'pay-direct', itemCode: '501-01', amount: m(300) }),
      post({ entity: 'SME', stage: 'collect-direct', revenueCode: '7-4', amount: m(100) }),
      post({ entity: 'SME', stage: 'collect-direct', revenueCode: '2-1-03', amount: m(6) }),
    ],
    specificNetAssets: { opening: m(300), closing: m(300) },
  },
];

const statements = governmentStatements(current, prior);
const entity = (id: string): StatementSet => statements.entities.get(id)!.current;
const lines = (xs: readonly { account: string; amount: bigint }[]) => Object.fromEntries(xs.map((l) => [l.account, l.amount]));
const flows = (xs: readonly { label: string; amount: bigint }[]) => Object.fromEntries(xs.map((l) => [l.label, l.amount]));
const split = (fixed: number, specific: number, general: number) => ({
  fixed: m(fixed),
  specific: m(specific),
  general: m(general),
  total: m(fixed + specific + general),
});

describe('golden year: 일반회계 (GEN, 개별 — nothing eliminated, 제9조③)', () => {
  const s = entity('GEN');

  it('재정상태표', () => {
    const fp = s.financialPosition;
    // cash 1100 + 1500 + 800 + 300 − 200 − 150 − 600 − 100 − 50 + 490 − 30 − 100 = 2960
    // 미수세금 2000 − 1500 = 500, 대손충당금 −50; 도로 600, 감가상각누계액 −15
    expect(lines(fp.assets.find((x) => x.section === '유동자산')!.lines)).toEqual({ '1101': m(2960), '1103': m(500), '1104': -m(50) });
    expect(lines(fp.assets.find((x) => x.section === '사회기반시설')!.lines)).toEqual({ '1501': m(600), '1508': -m(15) });
    expect(fp.totalAssets).toBe(m(3995)); // 2960 + 450 + 585
    // 지방채증권 500 − 100 = 400; 할인발행차금 10 − 2 = 8 deducted
    expect(lines(fp.liabilities.find((x) => x.section === '장기차입부채')!.lines)).toEqual({ '2201': m(400), '2202': -m(8) });
    expect(fp.totalLiabilities).toBe(m(392));
    // 고정 = 585 − 392 = 193 (제25조②); 일반 = 3603 − 193 = 3410
    expect(fp.netAssets).toEqual(split(193, 0, 3410));
    expect(fp.totalLiabilitiesAndNetAssets).toBe(fp.totalAssets);
  });

  it('재정운영표', () => {
    const op = s.operations;
    // 사업총원가 (국토 및 지역개발): 인건비 200 + 감가상각비 15 = 215, no 사업수익
    expect(op.programs).toEqual([
      {
        function: ROADS,
        grossCost: {
          lines: [
            expect.objectContaining({ account: '5101', amount: m(200) }),
            expect.objectContaining({ account: '5103', amount: m(15) }),
          ],
          total: m(215),
        },
        programRevenue: { lines: [], total: 0n },
        netCost: m(215),
      },
    ]);
    expect(op.administrative.total).toBe(m(150));
    // 비배분비용: 이자 30 + 할인차금상각 2 = 32, 대손상각비 50, 회계간전출금 150
    expect(lines(op.unallocatedExpense.lines)).toEqual({ '5301': m(32), '5302': m(50), '5303': m(150) });
    expect(op.netOperatingCost).toBe(m(597)); // 215 + 150 + 232
    expect(op.ownSourceRevenue.total).toBe(m(2000));
    expect(lines(op.intergovernmentalRevenue.lines)).toEqual({ '4301': m(800), '4303': m(300) });
    expect(op.operatingResult).toBe(-m(2503)); // 597 − 2000 − 1100
  });

  it('현금흐름표', () => {
    const cf = s.cashFlow;
    expect(flows(cf.operating.inflows)).toEqual({ 지방세수입: m(1500), 지방교부세: m(800), 국고보조금등: m(300) });
    expect(flows(cf.operating.outflows)).toEqual({ 인건비: m(350), '내부거래(전출금)': m(150), 이자상환: m(30) });
    expect(cf.operating.net).toBe(m(2070)); // 2600 − 530
    expect(cf.investing.net).toBe(-m(600));
    expect(flows(cf.financing.inflows)).toEqual({ 지방채: m(490) });
    expect(flows(cf.financing.outflows)).toEqual({ 원금상환: m(100) });
    expect([cf.openingCash, cf.netChange, cf.closingCash, cf.closingCashPerBooks]).toEqual([m(1100), m(1860), m(2960), m(2960)]);
  });

  it('순자산변동표', () => {
    const na = s.netAssetChanges;
    expect(na.opening).toEqual(split(0, 0, 1100));
    expect(na.operatingResult).toEqual(split(0, 0, 2503));
    expect(na.reclassification).toEqual({ fixed: m(193), specific: 0n, general: -m(193), total: 0n });
    expect(na.closing).toEqual(split(193, 0, 3410));
  });

  it('shows last year beside this year (제9조④)', () => {
    const priorSet = statements.entities.get('GEN')!.prior!;
    expect(priorSet.operations.operatingResult).toBe(-m(600)); // 400 관리운영비 − 1000 지방세
    expect(priorSet.financialPosition.totalAssets).toBe(m(1100));
  });
});

describe('golden year: 기타특별회계 (PARK) and 기금 (SME)', () => {
  it('PARK: 사업수익 exceeds 사업총원가; 전입금 is 기타수익 in its own statements', () => {
    const s = entity('PARK');
    // 사업순원가 (교통 및 물류) = 90 − 120 = −30; 결과 = −30 − 전입금 50 = −80
    expect(s.operations.programs.map((p) => [p.function, p.grossCost.total, p.programRevenue.total, p.netCost])).toEqual([
      [TRANSPORT, m(90), m(120), -m(30)],
    ]);
    expect(lines(s.operations.otherRevenue.lines)).toEqual({ '4401': m(50) });
    expect(s.operations.operatingResult).toBe(-m(80));
    // cash 250 + 50 + 120 − 90 = 330
    expect(s.financialPosition.totalAssets).toBe(m(330));
    expect(s.netAssetChanges.closing).toEqual(split(0, 0, 330));
    expect(s.cashFlow.closingCash).toBe(m(330));
  });

  it('SME: loan granted and partly repaid; 특정순자산 300 (적립성기금 원금, 제25조③)', () => {
    const s = entity('SME');
    // cash 310 + 100 − 300 + 100 + 6 = 216; 장기융자금 300 − 100 = 200
    expect(lines(s.financialPosition.assets.find((x) => x.section === '투자자산')!.lines)).toEqual({ '1202': m(200) });
    expect(s.financialPosition.totalAssets).toBe(m(416));
    expect(s.financialPosition.netAssets).toEqual(split(0, 300, 116));
    // 비배분수익 6 → 순원가 −6; 결과 = −6 − 전입금 100 = −106
    expect(s.operations.operatingResult).toBe(-m(106));
    expect(flows(s.cashFlow.investing.outflows)).toEqual({ 융자: m(300) });
    expect(flows(s.cashFlow.investing.inflows)).toEqual({ 융자금원금회수: m(100) });
    expect(s.netAssetChanges.opening).toEqual(split(0, 300, 10));
    expect(s.netAssetChanges.closing).toEqual(split(0, 300, 116));
  });
});

describe('golden year: 유형별 (제9조②) and 통합 (제9조①)', () => {
  it('each type has one 회계실체 here, so its statements equal the 개별 ones', () => {
    expect(statements.types.get('일반회계')!.current).toEqual(entity('GEN'));
    expect(statements.types.get('기타특별회계')!.current).toEqual(entity('PARK'));
    expect(statements.types.get('기금회계')!.current).toEqual(entity('SME'));
    expect(statements.types.has('지방공기업특별회계')).toBe(false);
  });

  const whole = statements.whole.current;

  it('통합 재정운영표 eliminates 전출금 150 against 전입금 50 + 100', () => {
    const op = whole.operations;
    expect(op.programs.map((p) => [p.function, p.netCost])).toEqual([
      [TRANSPORT, -m(30)],
      [ROADS, m(215)],
    ]);
    expect(lines(op.unallocatedExpense.lines)).toEqual({ '5301': m(32), '5302': m(50) });
    expect(op.unallocatedRevenue.total).toBe(m(6));
    expect(op.otherRevenue.total).toBe(0n);
    // 순원가 = 185 + 150 + 82 − 6 = 411; 결과 = 411 − 2000 − 1100 = −2689 (= −2503 − 80 − 106 + 150 − 150)
    expect(op.netOperatingCost).toBe(m(411));
    expect(op.operatingResult).toBe(-m(2689));
  });

  it('통합 재정상태표 and 순자산변동표', () => {
    const fp = whole.financialPosition;
    // cash 2960 + 330 + 216 = 3506; + 미수세금 net 450 + 융자금 200 + 도로 net 585 = 4741
    expect(fp.totalAssets).toBe(m(4741));
    expect(fp.totalLiabilities).toBe(m(392));
    expect(fp.netAssets).toEqual(split(193, 300, 3856)); // 4349 = 3603 + 330 + 416
    const na = whole.netAssetChanges;
    expect(na.opening).toEqual(split(0, 300, 1360)); // 1100 + 250 + 310
    expect(na.operatingResult.total).toBe(m(2689));
    expect(na.other.total).toBe(0n); // both sides recorded: nothing in transit
    expect(na.closing).toEqual(fp.netAssets);
  });

  it('통합 현금흐름표 drops the internal flows', () => {
    const cf = whole.cashFlow;
    expect(flows(cf.operating.inflows)).toEqual({
      지방세수입: m(1500),
      지방교부세: m(800),
      국고보조금등: m(300),
      사용료수입: m(120),
      이자수입: m(6),
    });
    expect(flows(cf.operating.outflows)).toEqual({ 인건비: m(350), 이자상환: m(30), 물건비: m(90) });
    expect([cf.operating.net, cf.investing.net, cf.financing.net]).toEqual([m(2256), -m(800), m(390)]);
    expect([cf.openingCash, cf.closingCash, cf.closingCashPerBooks]).toEqual([m(1660), m(3506), m(3506)]);
  });

  it('comparative 통합: last year nets to −660 (−600 − 50 − 10)', () => {
    expect(statements.whole.prior!.operations.operatingResult).toBe(-m(660));
  });
});

describe('golden year: 예산-재무 reconciliation (제42조②4)', () => {
  it('재정자금 against 세계잉여금, per 회계', () => {
    // GEN 세입 수납 1100 (잉여금) + 1500 + 800 + 300 + 490 = 4190; 세출 200 + 150 + 600 + 100 + 50 + 30 + 100 = 1230 → 2960
    // PARK 250 + 50 + 120 − 90 = 330; SME reported 210: the 이자수입 6 was left out of its 결산
    const rows = budgetReconciliation(
      current,
      new Map([
        ['GEN', m(2960)],
        ['PARK', m(330)],
        ['SME', m(210)],
      ]),
    );
    expect(reconciliationDifferences(rows)).toEqual([
      {
        entity: 'SME',
        financialFunds: m(216),
        custodyCash: 0n,
        overPayments: 0n,
        budgetSurplus: m(210),
        difference: m(6),
        excepted: false,
      },
    ]);
  });
});
