import { describe, expect, it } from 'vitest';
import type { Contract } from '#shared/domain/contract/contract.ts';
import { defectDepositRefusal } from '#shared/domain/contract/defect-deposit.ts';
import type { HeldDeposit } from '#shared/domain/contract/defect-deposit.ts';

/** The 하자보수보증금 a contract names (지방계약법 제21조): received, its own, and at least its rate of the amount. */
const contract = {
  gov: '11110',
  contractId: 'W-1',
  amount: 4_000_000,
  guarantees: { defect: { rateBp: 300, years: 2 } },
} as unknown as Contract;
const held = (over: Partial<HeldDeposit> = {}): HeldDeposit => ({
  book: 'guarantee',
  custodyKind: 'defect-guarantee',
  contractId: 'W-1',
  deposited: 120_000,
  released: 0,
  ...over,
});

describe('the deposit a contract names for its 하자보수보증금', () => {
  it.each([
    ['holding exactly 3% of 4,000,000', held(), undefined],
    ['of no contract, holding more', held({ contractId: undefined, deposited: 200_000 }), undefined],
    ['never received', undefined, { kind: 'not-found', code: 'defect-deposit-not-found' }],
    ['a 계약보증금', held({ custodyKind: 'contract-guarantee' }), { code: 'defect-deposit-mismatch' }],
    ['withheld tax', held({ book: 'withholding', custodyKind: 'income-tax' }), { code: 'defect-deposit-mismatch' }],
    ["another contract's", held({ contractId: 'W-2' }), { code: 'defect-deposit-mismatch' }],
    [
      'paid out below the guarantee',
      held({ released: 1 }),
      { code: 'defect-deposit-short', context: { balance: 119_999, required: 120_000 } },
    ],
  ])('%s', (_name, deposit, expected) => {
    const refused = defectDepositRefusal(contract, 'SWO-1', deposit);
    if (expected === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject(expected);
  });
});
