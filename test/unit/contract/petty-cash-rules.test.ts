import { describe, expect, it } from 'vitest';
import type { PettyCashAdvance } from '#shared/domain/petty-cash/advance.ts';
import { pettyCashItems } from '#shared/domain/petty-cash/items.ts';
import { advanceRefusal, returnRefusal, spendingRefusal } from '#shared/domain/petty-cash/rules.ts';
import { cashStatement } from '#shared/domain/petty-cash/statement.ts';

const march = { from: '2026-03-01', to: '2026-03-31' };

describe('일상경비등 교부 (회계령 §38, §39)', () => {
  it('lists the fifteen items of §38① with the limits of §38② and the periods of §39①', () => {
    expect(pettyCashItems.map((entry) => [entry.item, entry.limit ?? 'needed', entry.months])).toEqual([
      [1, 10_000_000, 1],
      [2, 'needed', 1],
      [3, 'needed', 1],
      [4, 10_000_000, 3],
      [5, 20_000_000, 1],
      [6, 10_000_000, 1],
      [7, 'needed', 3],
      [8, 10_000_000, 1],
      [9, 'needed', 1],
      [10, 10_000_000, 1],
      [11, 'needed', 1],
      [12, 'needed', 1],
      [13, 10_000_000, 1],
      [14, 'needed', 1],
      [15, 'needed', 1],
    ]);
  });

  it.each([
    ['여비 of 1천만원', 1, 10_000_000, march, undefined],
    ['여비 one won over 1천만원', 1, 10_000_001, march, 'petty-cash-over-limit'],
    ['자체 공사 of 2천만원 (5호)', 5, 20_000_000, march, undefined],
    ['자체 공사 over 2천만원', 5, 20_000_001, march, 'petty-cash-over-limit'],
    ['일반운영비 as needed (2호)', 2, 900_000_000, march, undefined],
    ['an item outside the list', 16, 1_000, march, 'petty-cash-item-not-listed'],
    ['item 0', 0, 1_000, march, 'petty-cash-item-not-listed'],
    ['two months of 일반운영비', 2, 1_000, { from: '2026-03-01', to: '2026-04-01' }, 'petty-cash-period-too-long'],
    ['three months for a moving office (4호)', 4, 1_000, { from: '2026-03-01', to: '2026-05-31' }, undefined],
    ['three months and a day abroad (7호)', 7, 1_000, { from: '2026-03-01', to: '2026-06-01' }, 'petty-cash-period-too-long'],
    ['a period that ends before it starts', 2, 1_000, { from: '2026-03-10', to: '2026-03-09' }, 'petty-cash-period-too-long'],
  ] as const)('%s', (_name, item, amount, period, code) => {
    expect(advanceRefusal({ item, amount, period })?.code).toBe(code);
  });
});

describe('spending and returning an advance (회계령 §41①, 지방회계법 §7②)', () => {
  const advance: PettyCashAdvance = {
    gov: '11000',
    year: 2026,
    advanceId: 'PC-1',
    item: 2,
    cashier: '출납원',
    advancedOn: '2026-12-01',
    period: { from: '2026-12-01', to: '2026-12-31' },
    allocations: { '201-01': 3_000_000, '202-01': 1_000_000 },
    amount: 4_000_000,
    spendings: [{ spendingId: 'S1', statItem: '201-01', date: '2026-12-05', amount: 2_500_000, payee: 'x', description: 'y' }],
    returns: [],
    revision: 2,
  };
  const spend = (statItem: string, amount: number) => ({
    spendingId: 'S2',
    statItem,
    date: '2026-12-06',
    amount,
    payee: 'x',
    description: 'y',
  });

  it.each([
    ['the rest of a 목', '201-01', 500_000, undefined],
    ['one won over a 목', '201-01', 500_001, 'petty-cash-over-advanced'],
    ['a 목 not advanced', '203-01', 1, 'petty-cash-over-advanced'],
    ['another 목 in full', '202-01', 1_000_000, undefined],
  ] as const)('spends %s', (_name, statItem, amount, code) => {
    expect(spendingRefusal(advance, spend(statItem, amount))?.code).toBe(code);
  });

  it('returns at most the balance and shows the 출납계산서', () => {
    expect(returnRefusal(advance, { returnId: 'R', date: '2027-01-10', amount: 1_500_000 })).toBeUndefined();
    expect(returnRefusal(advance, { returnId: 'R', date: '2027-01-10', amount: 1_500_001 })?.code).toBe('petty-cash-return-over-balance');
    expect(cashStatement(advance, '2027-01-20')).toEqual({
      advanced: 4_000_000,
      spent: 2_500_000,
      returned: 0,
      balance: 1_500_000,
      byStatItem: [
        { statItem: '201-01', advanced: 3_000_000, spent: 2_500_000, unspent: 500_000 },
        { statItem: '202-01', advanced: 1_000_000, spent: 0, unspent: 1_000_000 },
      ],
      returnDue: '2027-01-20',
      overdue: false,
    });
    expect(cashStatement(advance, '2027-01-21').overdue).toBe(true);
    const settled = { ...advance, returns: [{ returnId: 'R', date: '2027-01-10', amount: 1_500_000 }] };
    expect(cashStatement(settled, '2027-02-01')).toMatchObject({ balance: 0, overdue: false });
  });
});
