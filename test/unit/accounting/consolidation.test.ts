import { describe, expect, it } from 'vitest';
import { typeLedgers, wholeGovernmentLedger } from '#shared/domain/accounting/consolidation.ts';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import { journalFor } from '#shared/domain/accounting/journal-map.ts';
import type { AccountingEntity, EntityYear } from '#shared/domain/accounting/ledger.ts';
import { budgetReconciliation, reconciliationDifferences } from '#shared/domain/accounting/reconciliation.ts';
import { statementsOf } from '#shared/domain/accounting/statements/statement-set.ts';

const entity = (id: string, type: AccountingEntity['type']): AccountingEntity => ({ id, name: id, type });
const opening: JournalLine[] = [
  { account: '1101', debit: 1_000n, credit: 0n },
  { account: '3101', debit: 0n, credit: 1_000n },
];

describe('elimination inside a type (제9조②) and in transit', () => {
  const A = entity('A', '기타특별회계');
  const B = entity('B', '기타특별회계');
  const W = entity('W', '지방공기업특별회계');
  const books: EntityYear[] = [
    {
      entity: A,
      opening,
      entries: [
        journalFor({ entity: 'A', stage: 'pay-direct', itemCode: '701-01', internalCounterpart: 'B', amount: 300n }),
        journalFor({ entity: 'A', stage: 'pay-direct', itemCode: '701-02', internalCounterpart: 'W', amount: 80n }),
      ],
    },
    {
      entity: B,
      opening,
      entries: [journalFor({ entity: 'B', stage: 'collect-direct', revenueCode: '7-3', internalCounterpart: 'A', amount: 300n })],
    },
    { entity: W, opening, entries: [] }, // has not yet received A's 80: cash in transit at year end
  ];

  it('the 기타특별회계 type drops A→B, keeps A→W (another type)', () => {
    const s = statementsOf(typeLedgers(books).get('기타특별회계')!);
    expect(s.operations.unallocatedExpense.total).toBe(80n);
    expect(s.operations.otherRevenue.total).toBe(0n);
    expect(s.cashFlow.operating.outflows).toEqual([{ label: '내부거래(전출금)', amount: 80n }]);
    expect(s.financialPosition.totalAssets).toBe(s.financialPosition.totalLiabilitiesAndNetAssets);
  });

  it('통합 drops the unmatched 80 from the 재정운영표 but shows it as an elimination difference; cash still ties', () => {
    const s = statementsOf(wholeGovernmentLedger(books));
    expect(s.operations.operatingResult).toBe(0n);
    expect(s.netAssetChanges.other.total).toBe(-80n);
    expect(s.netAssetChanges.closing.total).toBe(s.financialPosition.netAssets.total);
    expect(s.financialPosition.totalAssets).toBe(2_920n);
    expect(s.cashFlow.closingCash).toBe(s.cashFlow.closingCashPerBooks);
  });

  it('the 예산-재무 reconciliation excepts the 지방공기업특별회계', () => {
    const rows = budgetReconciliation(books, new Map([['A', 620n]]));
    expect(rows.map((r) => [r.entity, r.difference, r.excepted])).toEqual([
      ['A', 0n, false],
      ['B', 1_300n, false],
      ['W', 1_000n, true],
    ]);
    expect(reconciliationDifferences(rows).map((r) => r.entity)).toEqual(['B']);
  });
});

describe('the 예산-재무 reconciliation and 세입세출외현금', () => {
  it('deducts the cash held for others (예수금, 장기예수보증금) from 재정자금 before comparing it with 세계잉여금', () => {
    const G = entity('G', '일반회계');
    const entry = (label: string, lines: [string, number, number][]) => ({
      entity: 'G',
      lines: lines.map(([account, debit, credit]) => ({ account, debit: BigInt(debit), credit: BigInt(credit) })),
      cash: { activity: 'operating' as const, label },
    });
    const books: EntityYear[] = [
      {
        entity: G,
        opening,
        entries: [
          // a salary of 500 paid 450 net, 50 withheld (예수금); a 하자보수보증금 of 200 deposited (장기예수보증금)
          entry('인건비', [
            ['5201', 500, 0],
            ['1101', 0, 450],
            ['2102', 0, 50],
          ]),
          entry('보증금', [
            ['1101', 200, 0],
            ['2302', 0, 200],
          ]),
        ],
      },
    ];
    // 재정자금 1,000 − 450 + 200 = 750; 세입세출외현금 50 + 200 = 250; 세계잉여금 1,000 (the opening, brought in as 잉여금) − 500 = 500
    const [row] = budgetReconciliation(books, new Map([['G', 500n]]));
    expect(row).toEqual({
      entity: 'G',
      financialFunds: 750n,
      custodyCash: 250n,
      overPayments: 0n,
      budgetSurplus: 500n,
      difference: 0n,
      excepted: false,
    });
    // were the 보증금 budget cash, the 결산 would be 200 short of the books: listed
    const [short] = budgetReconciliation(books, new Map([['G', 300n]]));
    expect(reconciliationDifferences([short!]).map((r) => r.difference)).toEqual([200n]);
  });
});
