import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { appointmentsRefusal, closingAppointmentRefusal } from '#shared/domain/registry/chief-accountant.ts';
import type { AccountingAppointments } from '#shared/domain/registry/chief-accountant.ts';
import { concurrentRolesDecision, exceptionRefusal, pairsHeld } from '#shared/domain/registry/concurrent-roles.ts';
import type { ConcurrentRoleException, ConcurrentRolesConfig } from '#shared/domain/registry/concurrent-roles.ts';
import {
  GUARANTEED_OPERATIONS,
  guaranteeRecordRefusal,
  guaranteeRefusal,
  needsGuarantee,
} from '#shared/domain/registry/fidelity-guarantee.ts';
import type { FidelityGuarantee } from '#shared/domain/registry/fidelity-guarantee.ts';
import { postingMakers } from '#shared/domain/execution/posting-makers.ts';

/**
 * The 회계관계공무원 rules beyond 지방회계법 제23조·제36조: 채권관리관 + 현금수납 (지방재정법 제85조③),
 * 부채관리관 + 현금출납 (제87조의2③), 회계책임관 vs 통합지출관 (회계령 제5조①), 재정보증 (제50조; 회계령 제56조).
 */
const TODAY = '2026-11-30';
const caller = (roles: Role[], sub = 'kim', dept = 'D-small') => ({ sub, roles, dept });
const exception = (overrides: Partial<ConcurrentRoleException> = {}): ConcurrentRoleException => ({
  pair: 'claims-and-receipt',
  office: 'D-small',
  subjects: ['kim'],
  reference: '회계과-9',
  reason: '정원 2명: 채권관리와 세입세출외현금 수납을 나눌 사람이 없음',
  ...overrides,
});
const office = (headcount: number) => ({ office: 'D-small', headcount, reference: '정원규칙 별표 1' });

describe('채권관리관 + 현금수납 and 부채관리관 + 현금출납 are kept apart', () => {
  it.each([
    [['claims_officer', 'treasury_bank'], ['claims-and-receipt']],
    [['claims_officer', 'deposit_cashier'], ['claims-and-receipt']],
    // the 일상경비등 출납원 pays out; it takes nothing in
    [['claims_officer', 'petty_cash_cashier'], []],
    [['debt_officer', 'treasury_bank'], ['debt-and-cash']],
    [['debt_officer', 'petty_cash_cashier'], ['debt-and-cash']],
    [['debt_officer', 'deposit_cashier'], ['debt-and-cash']],
    [['claims_officer', 'debt_officer', 'revenue_officer', 'finance_officer'], []],
  ] as const)('%j hold %j', (roles, pairs) => {
    expect(pairsHeld(roles).map((held) => held.pair)).toEqual(pairs);
  });

  it.each([
    ['채권관리관 + 현금수납', caller(['claims_officer', 'deposit_cashier']), '지방재정법 제85조제3항'],
    ['부채관리관 + 현금출납', caller(['debt_officer', 'petty_cash_cashier']), '지방재정법 제87조의2제3항'],
  ] as const)('%s without an exception: 403 naming the article', (_name, who, article) => {
    const decision = concurrentRolesDecision(who, { offices: [office(2)], exceptions: [] }, TODAY);
    expect(decision).toMatchObject({
      ok: false,
      refusal: { kind: 'forbidden', code: 'concurrent-roles-not-allowed', context: { article, reasonRequired: true } },
    });
  });
});

describe('their exception: no 정원 number in the law, so a recorded 정원 and a stated reason', () => {
  it.each([
    ['claims-and-receipt with a reason, 정원 recorded', exception(), [office(40)], undefined],
    ['debt-and-cash with a reason', exception({ pair: 'debt-and-cash' }), [office(2)], undefined],
    ['without a reason', exception({ reason: undefined }), [office(2)], '지방재정법 제85조제3항 단서'],
    ['with a blank reason', exception({ pair: 'debt-and-cash', reason: '  ' }), [office(2)], '지방재정법 제87조의2제3항 단서'],
    ['in an office with no recorded 정원', exception(), [], '지방재정법 제85조제3항 단서'],
  ] as const)('%s', (_name, entry, offices, article) => {
    const refused = exceptionRefusal(entry, offices);
    if (article === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { article, pair: entry.pair } });
  });

  it('each use is logged with its reason and the recorded 정원, no limit', () => {
    const config: ConcurrentRolesConfig = { offices: [office(2)], exceptions: [exception()] };
    expect(concurrentRolesDecision(caller(['claims_officer', 'deposit_cashier'], ' KIM'), config, TODAY)).toEqual({
      ok: true,
      uses: [
        {
          pair: 'claims-and-receipt',
          duties: ['채권관리관', '현금수납'],
          ground: '지방재정법 제85조제3항 단서',
          office: 'D-small',
          headcount: 2,
          reason: exception().reason,
          reference: '회계과-9',
        },
      ],
    });
  });

  it('a stored exception without a reason covers nobody', () => {
    const config: ConcurrentRolesConfig = { offices: [office(2)], exceptions: [exception({ reason: undefined })] };
    expect(concurrentRolesDecision(caller(['claims_officer', 'treasury_bank']), config, TODAY).ok).toBe(false);
  });
});

describe('회계책임관 vs 통합지출관 (회계령 제5조①): another official, the direct superior or of a higher grade', () => {
  const appointed = (chief: [string, number], disbursing: [string, number], directSuperior?: boolean): AccountingAppointments => ({
    chiefAccountant: { subject: chief[0], grade: chief[1], reference: '인사-1' },
    integratedDisbursingOfficer: { subject: disbursing[0], grade: disbursing[1], reference: '인사-2' },
    ...(directSuperior === undefined ? {} : { directSuperior }),
  });
  it.each([
    ['4급 over 5급', appointed(['lee', 4], ['kim', 5]), undefined],
    ['the same official, differently spelt', appointed(['Kim ', 4], ['kim', 5]), 'chief-accountant-not-separate'],
    ['the same grade', appointed(['lee', 5], ['kim', 5]), 'chief-accountant-not-senior'],
    ['the same grade, the direct superior', appointed(['lee', 5], ['kim', 5], true), undefined],
    ['a lower grade', appointed(['lee', 6], ['kim', 5]), 'chief-accountant-not-senior'],
    ['a lower grade, not the direct superior', appointed(['lee', 6], ['kim', 5], false), 'chief-accountant-not-senior'],
  ] as const)('%s', (_name, appointments, code) => {
    const refused = appointmentsRefusal(appointments);
    if (code === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ kind: 'unprocessable', code, context: { article: '지방회계법 시행령 제5조제1항' } });
  });

  it('the year-end closing is requested by the recorded 회계책임관, never the 통합지출관; unrecorded: not checked', () => {
    const appointments = appointed(['lee', 4], ['kim', 5]);
    expect(closingAppointmentRefusal(appointments, 'LEE')).toBeUndefined();
    expect(closingAppointmentRefusal(appointments, 'kim')).toMatchObject({ kind: 'forbidden', code: 'chief-accountant-not-separate' });
    expect(closingAppointmentRefusal(appointments, 'park')).toMatchObject({
      kind: 'forbidden',
      code: 'chief-accountant-not-appointed',
      context: { appointed: 'lee' },
    });
    expect(closingAppointmentRefusal(undefined, 'park')).toBeUndefined();
  });
});

describe('재정보증 (지방회계법 제50조①; 회계령 제56조: at least 1천만원)', () => {
  const guarantee = (amount: number, overrides: Partial<FidelityGuarantee> = {}): FidelityGuarantee => ({
    subject: 'kim',
    amount,
    from: '2026-01-01',
    to: '2026-12-31',
    reference: '신원보증보험 2026-001',
    ...overrides,
  });
  it.each([
    [9_999_999, 'fidelity-guarantee-below-minimum'],
    [10_000_000, undefined],
  ] as const)('recording %i won: %s', (amount, code) => {
    const refused = guaranteeRecordRefusal(guarantee(amount));
    if (code === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ kind: 'unprocessable', code, context: { amount, minimum: 10_000_000 } });
  });

  it.each([
    ['10,000,000 in force', [guarantee(10_000_000)], true],
    ['9,999,999 (stored before the rule)', [guarantee(9_999_999)], false],
    ['another official', [guarantee(10_000_000, { subject: 'lee' })], false],
    ['the subject spelt differently', [guarantee(10_000_000, { subject: ' KIM ' })], true],
    ['ended yesterday', [guarantee(10_000_000, { to: '2026-11-29' })], false],
    ['starts tomorrow', [guarantee(10_000_000, { from: '2026-12-01' })], false],
    ['from and to today', [guarantee(10_000_000, { from: TODAY, to: TODAY })], true],
    ['none', [], false],
  ] as const)('%s: acts %s', (_name, register, acts) => {
    const refused = guaranteeRefusal('kim', 'disbursing_officer', register, TODAY);
    if (acts) expect(refused).toBeUndefined();
    else
      expect(refused).toMatchObject({
        kind: 'forbidden',
        code: 'fidelity-guarantee-missing',
        context: { article: '지방회계법 제50조제1항; 시행령 제56조', role: 'disbursing_officer', minimum: 10_000_000 },
      });
  });

  it('is asked at the payment order, receipt, commitment and the 출납원s’ operations, of the officials only', () => {
    expect(needsGuarantee('orderPayment', 'disbursing_officer')).toBe(true);
    expect(needsGuarantee('receiveRevenue', 'revenue_officer')).toBe(true);
    expect(needsGuarantee('receiveRevenue', 'treasury_bank')).toBe(false);
    expect(needsGuarantee('depositCustody', 'deposit_cashier')).toBe(true);
    expect(needsGuarantee('depositCustody', 'treasury_bank')).toBe(false);
    expect(needsGuarantee('recordPettyCashSpending', 'petty_cash_cashier')).toBe(true);
    expect(needsGuarantee('recordPettyCashSpending', 'department_official')).toBe(false);
    expect(needsGuarantee('resolvePayment', 'disbursing_officer')).toBe(false);
    expect(needsGuarantee('orderPayment', undefined)).toBe(false);
  });

  it('every guaranteed posting operation is one its roles may make', () => {
    const kindOf: Record<string, keyof typeof postingMakers> = {
      createCommitment: 'commit',
      orderPayment: 'order',
      receiveRevenue: 'receive',
      receivePriorYearRevenue: 'prior-year-receive',
      depositCustody: 'deposit',
      withdrawCustody: 'withdraw',
    };
    for (const [operation, kind] of Object.entries(kindOf))
      for (const role of GUARANTEED_OPERATIONS[operation] ?? []) expect(postingMakers[kind].roles).toContain(role);
  });
});
