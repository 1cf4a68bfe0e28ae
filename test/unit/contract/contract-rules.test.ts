import { describe, expect, it } from 'vitest';
import { advanceClaimRefusal, advanceReturnRefusal } from '#shared/domain/contract/advance-rules.ts';
import { changeContract } from '#shared/domain/contract/change-rules.ts';
import { unnettedAdvance, yearAmount } from '#shared/domain/contract/contract.ts';
import type { Contract, ContractType } from '#shared/domain/contract/contract.ts';
import { addYears } from '#shared/domain/contract/defect-period.ts';
import { inspect } from '#shared/domain/contract/inspection-rules.ts';
import { basisLinkRefusal, commitmentRefusal, orderRefusal } from '#shared/domain/contract/payment-basis.ts';
import { contractTermsRefusal, openContractRefusal } from '#shared/domain/contract/register-rules.ts';

const works = (overrides: Partial<Contract> = {}): Contract => ({
  gov: '11000',
  contractId: 'C-1',
  purpose: '청사 보수공사',
  method: 'general-bid',
  nature: 'works',
  counterparty: {
    name: '(주)가나',
    businessNumber: '1234567891',
    representative: '김',
    account: { bank: 'KB', number: '1-2-3', holder: '(주)가나' },
  },
  amount: 100_000_000,
  signedOn: '2026-03-02',
  period: { start: '2026-03-03', end: '2026-10-31' },
  type: { kind: 'single' },
  guarantees: { defect: { rateBp: 300, years: 2 } },
  changes: [],
  advances: [],
  inspections: [],
  advanceReturns: [],
  orders: {},
  revision: 1,
  ...overrides,
});

const longTerm: ContractType = {
  kind: 'long-term',
  rounds: [
    { round: 1, year: 2026, amount: 40_000_000 },
    { round: 2, year: 2027, amount: 60_000_000 },
  ],
};
const continuing: ContractType = {
  kind: 'continuing',
  years: [
    { year: 2026, amount: 30_000_000 },
    { year: 2027, amount: 70_000_000 },
  ],
};
const claim = (amount: number, extra: object = {}) => ({ advanceId: `A-${amount}`, claimedOn: '2026-03-05', amount, case: 13, ...extra });
/** A contract with a 선금 claim: its order accepted (`ordered`) and, unless `paid` is false, paid by the bank. */
const withAdvance = (amount: number, ordered = true, overrides: Partial<Contract> = {}, paid = ordered) =>
  works({
    advances: [claim(amount)],
    orders: ordered ? { [`A-${amount}`]: 'order-1' } : {},
    ...(paid ? { orderPayments: { 'order-1': amount } } : {}),
    ...overrides,
  });
const codeOf = (value: { code: string } | undefined) => value?.code;

describe('contract register (지방계약법 §14, §24, §29)', () => {
  it.each([
    ['a single contract', {}, undefined],
    ['a period that ends before it starts', { period: { start: '2026-05-01', end: '2026-04-30' } }, 'invalid-contract-terms'],
    ['장기계속 차수 adding up to the total', { type: longTerm }, undefined],
    ['장기계속 차수 short of the total', { type: longTerm, amount: 90_000_000 }, 'invalid-contract-terms'],
    [
      '장기계속 with one 차수 twice',
      {
        type: {
          kind: 'long-term',
          rounds: [
            { round: 1, year: 2026, amount: 50_000_000 },
            { round: 1, year: 2027, amount: 50_000_000 },
          ],
        },
      },
      'invalid-contract-terms',
    ],
    ['계속비 연부액 adding up', { type: continuing }, undefined],
    ['계속비 연부액 over the amount', { type: continuing, amount: 99_999_999 }, 'invalid-contract-terms'],
    [
      '공동계약 60/40',
      {
        joint: {
          method: 'joint',
          members: [
            { name: 'A', businessNumber: '1', shareBp: 6000 },
            { name: 'B', businessNumber: '2', shareBp: 4000 },
          ],
        },
      },
      undefined,
    ],
    [
      '공동계약 shares of 99%',
      {
        joint: {
          method: 'joint',
          members: [
            { name: 'A', businessNumber: '1', shareBp: 5900 },
            { name: 'B', businessNumber: '2', shareBp: 4000 },
          ],
        },
      },
      'invalid-contract-terms',
    ],
    ['하자보수보증금 at 2% and at 10% (지방계약법 시행령 제71조제1항)', { guarantees: { defect: { rateBp: 200, years: 2 } } }, undefined],
    ['하자보수보증금 at 10%', { guarantees: { defect: { rateBp: 1_000, years: 2 } } }, undefined],
    ['하자보수보증금 waived (제71조제1항 단서, 제4항)', { guarantees: { defect: { rateBp: 0, years: 2 } } }, undefined],
    [
      '하자보수보증금 rate under 2% (지방계약법 시행령 제71조제1항)',
      { guarantees: { defect: { rateBp: 199, years: 2 } } },
      'invalid-contract-terms',
    ],
    ['하자보수보증금 rate over 10%', { guarantees: { defect: { rateBp: 1_001, years: 2 } } }, 'invalid-contract-terms'],
    [
      '공동계약 of one member',
      { joint: { method: 'split', members: [{ name: 'A', businessNumber: '1', shareBp: 10_000 }] } },
      'invalid-contract-terms',
    ],
  ] as const)('%s', (_name, overrides, code) => {
    expect(codeOf(contractTermsRefusal(works(overrides as Partial<Contract>)))).toBe(code);
  });

  it('refuses any step on a completed contract', () => {
    expect(openContractRefusal(works())).toBeUndefined();
    expect(openContractRefusal(works({ completion: { completedOn: '2026-10-31' } }))?.code).toBe('contract-completed');
  });

  it.each([
    ['single', { kind: 'single' }, 2026, 100_000_000],
    ['장기계속: the 차수 of the year', longTerm, 2027, 60_000_000],
    ['장기계속: no 차수 this year', longTerm, 2028, 0],
    ['계속비: the 연부액', continuing, 2026, 30_000_000],
  ] as const)("this year's amount, %s", (_name, type, year, expected) => {
    expect(yearAmount({ amount: 100_000_000, type: type as ContractType }, year)).toBe(expected);
  });
});

describe('계약금액 조정 (지방계약법 §22)', () => {
  const base = { changeId: 'CH-1', date: '2026-06-01', reason: 'design-change' as const, note: '설계변경' };
  it('keeps the history with both amounts', () => {
    const outcome = changeContract(works(), { ...base, amount: 110_000_000 });
    expect('contract' in outcome && outcome.contract.amount).toBe(110_000_000);
    expect('contract' in outcome && outcome.contract.changes).toEqual([{ ...base, amountBefore: 100_000_000, amountAfter: 110_000_000 }]);
  });
  it.each([
    [
      'below what was inspected',
      works({
        inspections: [
          {
            inspectionId: 'I',
            kind: 'progress',
            inspectedOn: '2026-05-01',
            inspector: 'x',
            value: 50_000_000,
            netted: 0,
            payable: 50_000_000,
          },
        ],
      }),
      { amount: 40_000_000 },
      'inspection-exceeds-contract',
    ],
    ['a schedule that no longer adds up', works({ type: longTerm }), { amount: 120_000_000 }, 'invalid-contract-terms'],
    ['another type of contract', works(), { amount: 100_000_000, type: continuing }, 'invalid-contract-terms'],
  ] as const)('refuses a change %s', (_name, contract, change, code) => {
    const outcome = changeContract(contract, { ...base, ...change });
    expect('refusal' in outcome && outcome.refusal.code).toBe(code);
  });
});

describe('선금급 (회계령 §44①)', () => {
  it.each([
    ['70% of a works contract', works(), claim(70_000_000), undefined],
    ['one won over 70%', works(), claim(70_000_001), 'advance-over-limit'],
    ['two claims together over 70%', withAdvance(40_000_000), claim(30_000_001), 'advance-over-limit'],
    [
      "100% with the head's decision",
      works(),
      claim(100_000_000, { headDecision: { reference: '결재-1', date: '2026-03-04' } }),
      undefined,
    ],
    [
      'over 100% even with the decision',
      works(),
      claim(100_000_001, { headDecision: { reference: '결재-1', date: '2026-03-04' } }),
      'advance-over-limit',
    ],
    ["70% of this year's 차수 (장기계속)", works({ type: longTerm }), claim(28_000_000), undefined],
    ["over 70% of this year's 차수", works({ type: longTerm }), claim(28_000_001), 'advance-over-limit'],
    ['a 13호 claim on a goods contract', works({ nature: 'goods' }), claim(1_000_000), 'advance-case-not-listed'],
    ['an unlisted case', works(), claim(1_000_000, { case: 16 }), 'advance-case-not-listed'],
    ['a rent (1호) in full', works({ nature: 'other' }), claim(100_000_000, { case: 1 }), undefined],
  ] as const)('%s', (_name, contract, advance, code) => {
    expect(codeOf(advanceClaimRefusal(contract, advance))).toBe(code);
  });

  it('counts the 선금 the bank paid out, netted and returned', () => {
    expect(unnettedAdvance(withAdvance(60_000_000, false))).toBe(0);
    // Ordered but not yet confirmed by the treasury bank: nothing to net or return yet.
    expect(unnettedAdvance(withAdvance(60_000_000, true, {}, false))).toBe(0);
    expect(
      advanceReturnRefusal(withAdvance(60_000_000, true, {}, false), { returnId: 'R', date: '2026-11-01', amount: 1, reference: 'B' })
        ?.code,
    ).toBe('advance-return-over-balance');
    expect(unnettedAdvance(withAdvance(60_000_000))).toBe(60_000_000);
    const returned = withAdvance(60_000_000, true, {
      advanceReturns: [{ returnId: 'R', date: '2026-11-01', amount: 10_000_000, reference: 'B' }],
    });
    expect(unnettedAdvance(returned)).toBe(50_000_000);
    expect(advanceReturnRefusal(returned, { returnId: 'R2', date: '2026-11-02', amount: 50_000_000, reference: 'B' })).toBeUndefined();
    expect(advanceReturnRefusal(returned, { returnId: 'R2', date: '2026-11-02', amount: 50_000_001, reference: 'B' })?.code).toBe(
      'advance-return-over-balance',
    );
  });
});

describe('검사 and 선금정산 (지방계약법 §17, §18)', () => {
  const progress = (inspectionId: string, value: number) => ({
    inspectionId,
    kind: 'progress' as const,
    inspectedOn: '2026-06-30',
    inspector: '검사관',
    value,
  });
  const completion = (value: number) => ({
    inspectionId: 'FINAL',
    kind: 'completion' as const,
    inspectedOn: '2026-10-31',
    inspector: '검사관',
    value,
  });

  it.each([
    ['기성 without 선금: all payable', works(), progress('I1', 30_000_000), { netted: 0, payable: 30_000_000 }],
    [
      '기성 nets 선금 in proportion (60% × 30%)',
      withAdvance(60_000_000),
      progress('I1', 30_000_000),
      { netted: 18_000_000, payable: 12_000_000 },
    ],
    ['rounds the proportion down', withAdvance(60_000_001), progress('I1', 33_333_333), { netted: 20_000_000, payable: 13_333_333 }],
    [
      'a claim not yet ordered is not netted',
      withAdvance(60_000_000, false),
      progress('I1', 30_000_000),
      { netted: 0, payable: 30_000_000 },
    ],
    [
      'a claim ordered but not yet paid by the treasury bank is not netted',
      withAdvance(60_000_000, true, {}, false),
      progress('I1', 30_000_000),
      { netted: 0, payable: 30_000_000 },
    ],
    ['준공 nets all that is left', withAdvance(60_000_000), completion(70_000_000), { netted: 60_000_000, payable: 10_000_000 }],
  ] as const)('%s', (_name, contract, input, expected) => {
    const outcome = inspect(contract, input);
    expect('inspection' in outcome && outcome.inspection).toMatchObject(expected);
  });

  it.each([
    ['inspections over the contract amount', works(), progress('I1', 100_000_001), 'inspection-exceeds-contract'],
    ['a 준공 whose value cannot net the 선금', withAdvance(60_000_000), completion(50_000_000), 'advance-unnetted-at-completion'],
  ] as const)('refuses %s', (_name, contract, input, code) => {
    const outcome = inspect(contract, input);
    expect('refusal' in outcome && outcome.refusal.code).toBe(code);
  });

  it('lets the 준공 through once the rest was returned', () => {
    const contract = withAdvance(60_000_000, true, {
      advanceReturns: [{ returnId: 'R', date: '2026-10-30', amount: 10_000_000, reference: 'B' }],
    });
    const outcome = inspect(contract, completion(50_000_000));
    expect('inspection' in outcome && outcome.inspection).toMatchObject({ netted: 50_000_000, payable: 0 });
  });

  it('ends the 하자담보책임기간 the stated years after 준공', () => {
    expect(addYears('2026-10-31', 2)).toBe('2028-10-31');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe('commitments and payment orders on a contract', () => {
  it.each([
    ['the contract amount', works(), 2026, 100_000_000, undefined],
    ['less than the contract amount', works(), 2026, 99_999_999, 'commitment-not-contract-amount'],
    ['the 차수 of the year (장기계속)', works({ type: longTerm }), 2026, 40_000_000, undefined],
    ['the whole 장기계속 total', works({ type: longTerm }), 2026, 100_000_000, 'commitment-not-contract-amount'],
    ['a year with no 차수', works({ type: longTerm }), 2028, 1, 'commitment-not-contract-amount'],
    ['the 연부액 (계속비)', works({ type: continuing }), 2027, 70_000_000, undefined],
    [
      'a 단가계약 order within the estimate',
      works({ type: { kind: 'unit-price', unitPrices: [{ item: '복사용지', unit: '박스', price: 25_000 }] } }),
      2026,
      5_000_000,
      undefined,
    ],
  ] as const)('a 지출원인행위 of %s', (_name, contract, year, amount, code) => {
    expect(codeOf(commitmentRefusal(contract, year, amount))).toBe(code);
  });

  const inspected = works({
    advances: [claim(60_000_000)],
    inspections: [
      {
        inspectionId: 'I1',
        kind: 'progress',
        inspectedOn: '2026-06-30',
        inspector: 'x',
        value: 30_000_000,
        netted: 18_000_000,
        payable: 12_000_000,
      },
    ],
  });
  it.each([
    ['the 선금 claim', { contractId: 'C-1', advanceId: 'A-60000000' }, 60_000_000, undefined, undefined],
    ['the inspection, net of 선금정산', { contractId: 'C-1', inspectionId: 'I1' }, 12_000_000, undefined, undefined],
    ['the inspection gross', { contractId: 'C-1', inspectionId: 'I1' }, 30_000_000, undefined, 'contract-payment-amount'],
    ['an inspection that does not exist', { contractId: 'C-1', inspectionId: 'I9' }, 12_000_000, undefined, 'contract-basis-not-found'],
    ['an inspection ordered already', { contractId: 'C-1', inspectionId: 'I1' }, 12_000_000, 'order-1', 'contract-basis-ordered'],
  ] as const)('an order on %s', (_name, basis, amount, orderedBy, code) => {
    expect(codeOf(orderRefusal(inspected, basis, amount, orderedBy))).toBe(code);
  });

  it.each([
    ['no contract, no basis', undefined, undefined, undefined],
    ['a contract commitment without a basis', 'C-1', undefined, 'contract-payment-basis-required'],
    ['a basis on another contract', 'C-1', { contractId: 'C-2', inspectionId: 'I1' }, 'contract-basis-mismatch'],
    ['a basis on a commitment without a contract', undefined, { contractId: 'C-2', inspectionId: 'I1' }, 'contract-basis-mismatch'],
    ["the basis of the commitment's contract", 'C-1', { contractId: 'C-1', inspectionId: 'I1' }, undefined],
  ] as const)('%s', (_name, committed, basis, code) => {
    expect(codeOf(basisLinkRefusal(committed, basis))).toBe(code);
  });
});
