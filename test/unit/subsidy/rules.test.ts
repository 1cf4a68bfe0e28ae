import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationRefusal } from '#shared/domain/subsidy/application.ts';
import { committeeOutcome } from '#shared/domain/subsidy/committee.ts';
import { allocationFor, decisionRefusal } from '#shared/domain/subsidy/decision.ts';
import { exclusionActive, exclusionPeriod } from '#shared/domain/subsidy/exclusion.ts';
import { allocationChangeRefusal, executionRefusal, paymentRefusal } from '#shared/domain/subsidy/execution.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import { callOpenRefusal, programRefusal } from '#shared/domain/subsidy/program.ts';
import { sanctionRefusal, surcharge, surchargeBp } from '#shared/domain/subsidy/sanction.ts';
import { returnDestination, returnParts, returnRefusal, settle } from '#shared/domain/subsidy/settlement.ts';

const program = {
  name: '청소년 진로체험',
  lineId: 'E.GEN.P1.U1.D1.307-02',
  budget: 100_000_000,
  minOwnShareBp: 1000,
  eligibleKinds: ['corporation', 'group'] as const,
  selection: { kind: 'public-call' as const, opensOn: '2026-02-01', closesOn: '2026-02-28' },
};

describe('사업 and 공모 (보조금법 §6②, §7)', () => {
  it('takes a program on a 보조금 통계목 only', () => {
    expect(programRefusal(program)).toBeUndefined();
    expect(programRefusal({ ...program, lineId: 'E.GEN.P1.U1.D1.201-01' })).toMatchObject({
      code: 'not-a-subsidy-item',
      context: { statItem: '201-01' },
    });
  });
  it('refuses 운영비 without a legal basis, takes it with one', () => {
    const operating = { ...program, lineId: 'E.GEN.P1.U1.D1.307-03' };
    expect(programRefusal(operating)).toMatchObject({ code: 'operating-cost-needs-legal-basis' });
    expect(programRefusal({ ...operating, operatingCost: { legalBasis: '사회복지사업법 §42', kinds: ['personnel'] } })).toBeUndefined();
  });
  it('records an exception to the 공모 with its ground; takes applications only while the call is open', () => {
    expect(
      programRefusal({ ...program, selection: { kind: 'exception', ground: 'designated-donation', note: '지정기부금 사업' } }),
    ).toBeUndefined();
    expect(callOpenRefusal(program.selection, '2026-02-01')).toBeUndefined();
    expect(callOpenRefusal(program.selection, '2026-02-28')).toBeUndefined();
    expect(callOpenRefusal(program.selection, '2026-03-01')).toMatchObject({ code: 'public-call-closed' });
    expect(programRefusal({ ...program, selection: { kind: 'public-call', opensOn: '2026-03-01', closesOn: '2026-02-01' } })).toMatchObject(
      {
        code: 'invalid-public-call-period',
      },
    );
  });
});

describe('신청 (보조금법 §7①; 보조금령 §5)', () => {
  const input = {
    recipientKind: 'corporation' as const,
    projectName: '캠프',
    plan: '계획',
    costs: [
      { item: '강사비', grant: 6_000_000, own: 1_000_000 },
      { item: '재료비', grant: 3_000_000, own: 0 },
    ],
    amountAsked: 9_000_000,
    ownShare: 1_000_000,
    period: { start: '2026-03-01', end: '2026-10-31' },
  };
  it('holds the own share to the minimum ratio at its edge', () => {
    expect(applicationRefusal(input, program)).toBeUndefined(); // 1,000,000 / 10,000,000 = exactly 10 %
    const below = { ...input, costs: [{ item: '강사비', grant: 9_000_001, own: 999_999 }], amountAsked: 9_000_001, ownShare: 999_999 };
    expect(applicationRefusal(below, program)).toMatchObject({
      code: 'own-share-below-minimum',
      context: { numbers: { ownShare: 999_999, totalCost: 10_000_000, minOwnShareBp: 1000 } },
    });
  });
  it('refuses costs that do not add up, an ineligible kind and an inverted period', () => {
    expect(applicationRefusal({ ...input, amountAsked: 9_000_001 }, program)).toMatchObject({ code: 'application-costs-mismatch' });
    expect(applicationRefusal({ ...input, recipientKind: 'individual' }, program)).toMatchObject({ code: 'recipient-kind-not-eligible' });
    expect(applicationRefusal({ ...input, period: { start: '2026-03-01', end: '2026-02-01' } }, program)).toMatchObject({
      code: 'invalid-project-period',
    });
  });
});

describe('심의 (보조금법 §26⑪) and 교부결정 (§8)', () => {
  const record = { meetingDate: '2026-03-05', registered: 9, recused: [], approvedAmount: 1, conditions: [] };
  it('needs a majority of registered members sitting, recused members not counted', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(committeeOutcome({ ...record, present: five, inFavour: 3 })).toEqual({ passed: true, voting: 5 });
    expect(committeeOutcome({ ...record, present: five, inFavour: 2 })).toEqual({ passed: false, voting: 5 });
    expect(committeeOutcome({ ...record, present: five, recused: ['e'], inFavour: 3 })).toMatchObject({ code: 'committee-quorum-not-met' });
    expect(committeeOutcome({ ...record, registered: 16, present: five, inFavour: 3 })).toMatchObject({ code: 'invalid-committee-record' });
  });
  const facts = {
    publicCall: true,
    reviewed: true,
    amount: 9_000_000,
    amountAsked: 9_000_000,
    committeeApproved: 8_000_000,
    programBudget: 20_000_000,
    programDecided: 0,
  };
  it('needs the committee after a 공모 and holds the amount to the approval and the budget', () => {
    expect(decisionRefusal({ ...facts, reviewed: false })).toMatchObject({ code: 'committee-review-required' });
    expect(decisionRefusal({ ...facts, publicCall: false, reviewed: false, committeeApproved: undefined })).toBeUndefined();
    expect(decisionRefusal(facts)).toMatchObject({
      code: 'grant-exceeds-request',
      context: { requested: 9_000_000, available: 8_000_000 },
    });
    expect(decisionRefusal({ ...facts, amount: 8_000_000 })).toBeUndefined();
    expect(decisionRefusal({ ...facts, amount: 8_000_000, programDecided: 12_000_001 })).toMatchObject({
      code: 'grant-exceeds-program-budget',
    });
  });
  it('scales the allocation to the decided amount exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ grant: fc.nat(1_000_000), own: fc.nat(1000) }), { minLength: 1, maxLength: 8 }),
        fc.nat(8_000_000),
        (lines, amount) => {
          const costs = lines.map((line, i) => ({ item: `i${i}`, ...line }));
          const asked = costs.reduce((s, l) => s + l.grant, 0);
          const result = allocationFor(costs, amount);
          expect(result.reduce((s, l) => s + l.grant, 0)).toBe(Math.min(amount, asked));
          for (const [i, line] of result.entries()) expect(line.grant).toBeLessThanOrEqual((costs[i] as { grant: number }).grant);
        },
      ),
    );
  });
  it('allows each step only from its states', () => {
    expect(stepRefusal('submitted', 'review')).toBeUndefined();
    expect(stepRefusal('decided', 'review')).toMatchObject({
      code: 'subsidy-application-state',
      context: {
        allowedSteps: [
          'request-payment',
          'pay',
          'execute',
          'report',
          'cancel',
          'object',
          'decide-objection',
          'order-disclosure',
          'disclosure-compliance',
        ],
      },
    });
    expect(stepRefusal('rejected', 'decide')).toMatchObject({ code: 'subsidy-application-state', context: { allowedSteps: [] } });
  });
});

describe('교부 and 집행 (보조금법 §10의2, §13, §14, §24)', () => {
  const allocation = [{ item: '강사비', grant: 6_000_000, own: 1_000_000 }];
  const facts = {
    allocation,
    executed: { 강사비: { grant: 5_000_000, own: 0 } },
    period: { start: '2026-03-01', end: '2026-10-31' },
    item: '강사비',
    source: 'grant' as const,
    amount: 1_000_000,
    date: '2026-04-01',
  };
  it('holds grant and own money of each line apart, to the last won', () => {
    expect(executionRefusal(facts)).toBeUndefined();
    expect(executionRefusal({ ...facts, amount: 1_000_001 })).toMatchObject({
      code: 'execution-exceeds-allocation',
      context: { available: 1_000_000 },
    });
    expect(executionRefusal({ ...facts, source: 'own', amount: 1_000_001 })).toMatchObject({ code: 'execution-exceeds-allocation' });
    expect(executionRefusal({ ...facts, item: '식비' })).toMatchObject({ code: 'execution-exceeds-allocation', context: { available: 0 } });
    expect(executionRefusal({ ...facts, date: '2026-11-01' })).toMatchObject({ code: 'execution-outside-period' });
  });
  it('keeps a change of allocation within the grant and above what was spent', () => {
    expect(allocationChangeRefusal([{ item: '강사비', grant: 7_000_000, own: 0 }], 6_000_000, {})).toMatchObject({
      code: 'allocation-exceeds-grant',
    });
    expect(
      allocationChangeRefusal(
        [
          { item: '강사비', grant: 4_000_000, own: 0 },
          { item: '식비', grant: 2_000_000, own: 0 },
        ],
        6_000_000,
        facts.executed,
      ),
    ).toMatchObject({
      code: 'allocation-below-executed',
    });
  });
  it('never pays more than decided', () => {
    expect(paymentRefusal(9_000_000, 4_000_000, 1_000_000, 4_000_000)).toBeUndefined();
    expect(paymentRefusal(9_000_000, 4_000_000, 1_000_000, 4_000_001)).toMatchObject({
      code: 'payment-exceeds-grant',
      context: { available: 4_000_000 },
    });
  });
});

describe('금액 확정 and 반환 (보조금법 §19, §31; 지방회계법 §27)', () => {
  it('returns paid + interest − fixed and releases the unneeded commitment', () => {
    expect(settle({ decided: 9_000_000, paid: 9_000_000, fixed: 7_500_000, interest: 12_000 })).toEqual({
      fixed: 7_500_000,
      returnDue: 1_512_000,
      stillToPay: 0,
      releaseFromCommitment: 0,
    });
    expect(settle({ decided: 9_000_000, paid: 6_000_000, fixed: 6_000_000, interest: 0 })).toMatchObject({
      returnDue: 0,
      releaseFromCommitment: 3_000_000,
    });
    expect(settle({ decided: 9_000_000, paid: 0, fixed: 9_000_001, interest: 0 })).toMatchObject({ code: 'fixed-exceeds-grant' });
    expect(returnRefusal(1_512_000, 1_512_001)).toMatchObject({ code: 'return-exceeds-due' });
  });
  it('restores the line for a return by 31 December, and is current-year revenue after', () => {
    expect(returnDestination(2026, '2026-12-31')).toEqual({ kind: 'restore-line', year: 2026, article: '지방회계법 §27②' });
    expect(returnDestination(2026, '2027-01-01')).toEqual({ kind: 'current-year-revenue', year: 2027, article: '지방회계법 §27①' });
    expect(returnDestination(2026, '2028-03-01')).toMatchObject({ kind: 'current-year-revenue', year: 2028 });
    // a 정산반납 until 20 January (지방회계법 §7①3; 회계령 §3 2호); a 취소's 반환 keeps 31 December
    expect(returnDestination(2026, '2027-01-20', true)).toEqual({
      kind: 'restore-line',
      year: 2026,
      article: '지방회계법 §7①3, §27②; 회계령 §3 2호',
    });
    expect(returnDestination(2026, '2027-01-21', true)).toMatchObject({ kind: 'current-year-revenue', year: 2027 });
    expect(returnDestination(2026, '2027-01-20', false)).toMatchObject({ kind: 'current-year-revenue', year: 2027 });
  });
  it('returns against the latest paid orders first, after earlier 반납, the uncovered rest (interest) apart', () => {
    const orders = [
      { orderId: 'O-1', amount: 6_000_000 },
      { orderId: 'O-2', amount: 3_000_000 },
    ];
    expect(returnParts(orders, 0, 2_000_000)).toEqual({ parts: [{ orderId: 'O-2', amount: 2_000_000 }], rest: 0 });
    expect(returnParts(orders, 2_000_000, 4_000_000)).toEqual({
      parts: [
        { orderId: 'O-2', amount: 1_000_000 },
        { orderId: 'O-1', amount: 3_000_000 },
      ],
      rest: 0,
    });
    expect(returnParts(orders, 8_000_000, 1_010_000)).toEqual({ parts: [{ orderId: 'O-1', amount: 1_000_000 }], rest: 10_000 });
  });
});

describe('제재부가금 (보조금법 §35; 보조금령 §21)', () => {
  it('caps it at 5 × the amount to return, fines included', () => {
    expect(sanctionRefusal(5_000_000, 1_000_000, 0)).toBeUndefined();
    expect(sanctionRefusal(5_000_001, 1_000_000, 0)).toMatchObject({ code: 'sanction-exceeds-cap', context: { available: 5_000_000 } });
    expect(sanctionRefusal(4_000_001, 1_000_000, 1_000_000)).toMatchObject({ code: 'sanction-exceeds-cap' });
  });
  it('adds 1 % within 7 days, 2 % within a month, +1 % a month, at most 5 %', () => {
    const due = '2026-05-31';
    expect(surchargeBp(due, '2026-05-31')).toBe(0);
    expect(surchargeBp(due, '2026-06-07')).toBe(100);
    expect(surchargeBp(due, '2026-06-08')).toBe(200);
    expect(surchargeBp(due, '2026-06-30')).toBe(200);
    expect(surchargeBp(due, '2026-07-01')).toBe(300);
    expect(surchargeBp(due, '2026-08-01')).toBe(400);
    expect(surchargeBp(due, '2026-09-01')).toBe(500);
    expect(surchargeBp(due, '2027-09-01')).toBe(500);
    expect(surcharge(1_234_567, due, '2026-06-08')).toBe(24_691);
  });
});

describe('exclusion periods (보조금법 §32; 보조금령 §19)', () => {
  const from = '2026-01-15';
  it('5/3/2 years for recipients, with the count each ground needs', () => {
    expect(exclusionPeriod({ party: 'recipient', ground: 'fraud', count: 1, from, reductionMonths: 0 })).toMatchObject({
      years: 5,
      until: '2031-01-14',
    });
    expect(exclusionPeriod({ party: 'recipient', ground: 'other-purpose', count: 1, from, reductionMonths: 0 })).toMatchObject({
      code: 'exclusion-grounds-not-met',
    });
    expect(exclusionPeriod({ party: 'recipient', ground: 'other-purpose', count: 2, from, reductionMonths: 0 })).toMatchObject({
      years: 3,
      until: '2029-01-14',
    });
    expect(exclusionPeriod({ party: 'recipient', ground: 'violation', count: 3, from, reductionMonths: 0 })).toMatchObject({
      years: 2,
      until: '2028-01-14',
    });
  });
  it('5/3/1 years for end receivers, 5/3/2 by sentence for contractors', () => {
    expect(exclusionPeriod({ party: 'end-receiver', ground: 'fraud', count: 1, from, reductionMonths: 0 })).toMatchObject({ years: 5 });
    expect(exclusionPeriod({ party: 'end-receiver', ground: 'other-purpose', count: 2, from, reductionMonths: 0 })).toMatchObject({
      years: 3,
    });
    expect(exclusionPeriod({ party: 'end-receiver', ground: 'ineligible', count: 3, from, reductionMonths: 0 })).toMatchObject({
      years: 1,
      until: '2027-01-14',
    });
    expect(exclusionPeriod({ party: 'end-receiver', ground: 'violation', count: 3, from, reductionMonths: 0 })).toMatchObject({
      code: 'exclusion-grounds-not-met',
    });
    expect(exclusionPeriod({ party: 'contractor', ground: 'prison-over-1y', count: 1, from, reductionMonths: 0 })).toMatchObject({
      years: 5,
    });
    expect(exclusionPeriod({ party: 'contractor', ground: 'fine', count: 1, from, reductionMonths: 0 })).toMatchObject({ years: 2 });
  });
  it('halves at most, and only the 2nd and 3rd grounds', () => {
    expect(exclusionPeriod({ party: 'recipient', ground: 'other-purpose', count: 2, from, reductionMonths: 18 })).toMatchObject({
      until: '2027-07-14',
    });
    expect(exclusionPeriod({ party: 'recipient', ground: 'other-purpose', count: 2, from, reductionMonths: 19 })).toMatchObject({
      code: 'exclusion-reduction-not-allowed',
    });
    expect(exclusionPeriod({ party: 'recipient', ground: 'fraud', count: 1, from, reductionMonths: 1 })).toMatchObject({
      code: 'exclusion-reduction-not-allowed',
    });
  });
  it('is active from its first to its last day', () => {
    const period = { from, until: '2031-01-14' };
    expect(exclusionActive(period, '2026-01-14')).toBe(false);
    expect(exclusionActive(period, '2026-01-15')).toBe(true);
    expect(exclusionActive(period, '2031-01-14')).toBe(true);
    expect(exclusionActive(period, '2031-01-15')).toBe(false);
  });
});
