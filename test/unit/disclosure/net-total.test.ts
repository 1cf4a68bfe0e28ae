import { describe, expect, it } from 'vitest';
import { grossAndNet, internalTransfersIn } from '#shared/domain/budget/net-total.ts';

const gu = {
  gov: '11110',
  parentCode: '11000',
  revenueTotal: 650n,
  expenditureTotal: 650n,
  revenue: [
    { account: 'GEN', category: '1', amount: 100 },
    { account: 'GEN', category: '4', amount: 200 },
    { account: 'GEN', category: '5', revenueCode: '5-2', amount: 300 },
    { account: 'GEN', category: '5', revenueCode: '5-1', amount: 7 }, // 국고보조금: from the state, never netted here
    { account: 'WATER', category: '7', revenueCode: '7-3', amount: 43 },
  ],
};
const si = {
  gov: '11000',
  parentCode: '',
  revenueTotal: 1000n,
  expenditureTotal: 1000n,
  revenue: [{ account: 'GEN', category: '1', amount: 1000 }],
};

describe('총계 and 순계', () => {
  it('reads 전입금 on 7-3 lines only', () => {
    expect(internalTransfersIn(gu.revenue)).toBe(43n);
  });

  it('nets 전입금 and what the 구 received from its 시 when both are in the set', () => {
    expect(grossAndNet([si, gu])).toEqual({
      gross: { revenueTotal: 1650n, expenditureTotal: 1650n, internalTransfers: 0n, intergovernmentalTransfers: 0n },
      net: { revenueTotal: 1107n, expenditureTotal: 1107n, internalTransfers: 43n, intergovernmentalTransfers: 500n },
    });
  });

  it('keeps what came from a 시 outside the set (its budget is not final, so it was never counted)', () => {
    expect(grossAndNet([gu]).net).toEqual({
      revenueTotal: 607n,
      expenditureTotal: 607n,
      internalTransfers: 43n,
      intergovernmentalTransfers: 0n,
    });
  });
});
