import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { concurrentRolesDecision, exceptionRefusal, NO_EXCEPTIONS, pairsHeld } from '#shared/domain/registry/concurrent-roles.ts';
import type { ConcurrentRoleException, ConcurrentRolesConfig, OfficeHeadcount } from '#shared/domain/registry/concurrent-roles.ts';

/** 겸직 (지방회계법 제23조, 제36조, 제44조③, 제47조; 시행령 제25조, 제46조, 제53조①) as a table of cases. */
const TODAY = '2026-11-30';
const caller = (roles: Role[], sub = 'kim', dept = 'D-small') => ({ sub, roles, dept });
const office = (headcount: number, name = 'D-small'): OfficeHeadcount => ({ office: name, headcount, reference: '정원규칙 별표 1' });
const exception = (overrides: Partial<ConcurrentRoleException> = {}): ConcurrentRoleException => ({
  pair: 'collection-and-cash',
  office: 'D-small',
  subjects: ['kim'],
  reference: '회계과-1234',
  ...overrides,
});
const refusalOf = (who: ReturnType<typeof caller>, config: ConcurrentRolesConfig, today = TODAY) => {
  const decision = concurrentRolesDecision(who, config, today);
  return decision.ok ? undefined : decision.refusal;
};

describe('the pairs the law keeps apart', () => {
  it.each([
    [['finance_officer', 'disbursing_officer'], ['finance-and-disbursing']],
    [['revenue_officer', 'treasury_bank'], ['collection-and-cash']],
    [['finance_officer', 'treasury_bank'], ['finance-and-cash']],
    [['disbursing_officer', 'treasury_bank'], ['disbursing-and-cash']],
    [
      ['finance_officer', 'disbursing_officer', 'treasury_bank'],
      ['finance-and-disbursing', 'finance-and-cash', 'disbursing-and-cash'],
    ],
    // 분임재무관 carries the 재무관's duty (제47조); the 출납원 of 제44조③ carry 현금출납.
    [['sub_finance_officer', 'petty_cash_cashier'], ['finance-and-cash']],
    [['sub_finance_officer', 'disbursing_officer'], ['finance-and-disbursing']],
    [['revenue_officer', 'deposit_cashier'], ['collection-and-cash']],
    [['disbursing_officer', 'petty_cash_cashier'], ['disbursing-and-cash']],
    // 징수관 and 재무관 are not kept apart by any article; nor is any duty with the other roles; nor two cash posts.
    [['revenue_officer', 'finance_officer'], []],
    [['petty_cash_cashier', 'deposit_cashier'], []],
    [['head', 'finance_officer', 'chief_accountant', 'budget_officer'], []],
  ] as const)('%j hold %j', (roles, pairs) => {
    expect(pairsHeld(roles).map((held) => held.pair)).toEqual(pairs);
  });
});

describe('a configuration names only the exceptions the law allows, in offices whose recorded 정원 is within it', () => {
  it.each([
    ['징수관 + 현금출납 in an office of 5 (시행령 제25조)', exception(), [office(5)], undefined],
    ['징수관 + 현금출납 in an office of 6', exception(), [office(6)], '지방회계법 시행령 제25조'],
    ['징수관 + 현금출납 in an office with no recorded 정원', exception(), [office(2, 'D-other')], '지방회계법 시행령 제25조'],
    ['분임재무관 + 일상경비등 출납원 in an office of 3 (시행령 제46조)', exception({ pair: 'finance-and-cash' }), [office(3)], undefined],
    ['재무관 + 현금출납 in an office of 4', exception({ pair: 'finance-and-cash' }), [office(4)], '지방회계법 시행령 제46조'],
    ['재무관 + 지출원, however small the office', exception({ pair: 'finance-and-disbursing' }), [office(1)], '지방회계법 제36조'],
    ['지출원 + 현금출납, however small the office', exception({ pair: 'disbursing-and-cash' }), [office(1)], '지방회계법 제36조'],
  ] as const)('%s', (_name, entry, offices, article) => {
    const refused = exceptionRefusal(entry, offices);
    if (article === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { article, pair: entry.pair } });
  });

  it('names the recorded 정원 and the limit when the office is too large', () => {
    expect(exceptionRefusal(exception({ pair: 'finance-and-cash' }), [office(4)])?.context).toMatchObject({
      headcount: 4,
      maxHeadcount: 3,
    });
  });
});

describe('every operation: a caller holding a kept-apart pair acts only under an exception naming it', () => {
  const config: ConcurrentRolesConfig = {
    offices: [office(5), office(3, 'D-tiny'), office(40, 'D-large')],
    exceptions: [
      exception(),
      exception({ pair: 'finance-and-cash', office: 'D-tiny', subjects: ['Park '] }),
      // an office recorded too large is refused on PUT; a stored one covers nobody either
      exception({ office: 'D-large' }),
    ],
  };
  it.each([
    ['no pair held: allowed without any configuration', caller(['finance_officer']), NO_EXCEPTIONS, undefined],
    ['재무관 + 지출원 by default', caller(['finance_officer', 'disbursing_officer']), NO_EXCEPTIONS, '지방회계법 제36조'],
    ['재무관 + 지출원 is never covered', caller(['finance_officer', 'disbursing_officer']), config, '지방회계법 제36조'],
    ['징수관 + 현금출납 by default', caller(['revenue_officer', 'treasury_bank']), NO_EXCEPTIONS, '지방회계법 제23조'],
    ['징수관 + 현금출납 named in its office of 5', caller(['revenue_officer', 'treasury_bank']), config, undefined],
    ['징수관 + 세입세출외현금 출납원 named in its office of 5', caller(['revenue_officer', 'deposit_cashier']), config, undefined],
    ['징수관 + 현금출납 in another office', caller(['revenue_officer', 'treasury_bank'], 'kim', 'D-large'), config, '지방회계법 제23조'],
    ['징수관 + 현금출납, another official', caller(['revenue_officer', 'treasury_bank'], 'lee'), config, '지방회계법 제23조'],
    // the subject compared as the identity provider may spell it: case, whitespace, NFC/NFKC
    [
      '분임재무관 + 일상경비등 출납원 named as "Park " for subject "park"',
      caller(['sub_finance_officer', 'petty_cash_cashier'], 'park', 'D-tiny'),
      config,
      undefined,
    ],
    // 시행령 제46조 names the posts: the 재무관 himself, or another cash post, is not covered
    ['재무관 + 일상경비등 출납원', caller(['finance_officer', 'petty_cash_cashier'], 'park', 'D-tiny'), config, '지방회계법 제36조'],
    ['분임재무관 + the 금고', caller(['sub_finance_officer', 'treasury_bank'], 'park', 'D-tiny'), config, '지방회계법 제36조'],
    [
      '분임재무관 + 세입세출외현금 출납원',
      caller(['sub_finance_officer', 'deposit_cashier'], 'park', 'D-tiny'),
      config,
      '지방회계법 제36조',
    ],
    [
      '분임재무관 + 일상경비등 출납원 + the 금고',
      caller(['sub_finance_officer', 'petty_cash_cashier', 'treasury_bank'], 'park', 'D-tiny'),
      config,
      '지방회계법 제36조',
    ],
    [
      'an exception for one pair does not cover another',
      caller(['revenue_officer', 'finance_officer', 'treasury_bank']),
      config,
      '지방회계법 제36조',
    ],
  ] as const)('%s', (_name, who, configuration, article) => {
    const refused = refusalOf(who, configuration);
    if (article === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ kind: 'forbidden', code: 'concurrent-roles-not-allowed', context: { article } });
  });
});

describe("the 관서's recorded 정원 decides, at the law's edges", () => {
  const collector = caller(['revenue_officer', 'treasury_bank']);
  const subFinance = caller(['sub_finance_officer', 'petty_cash_cashier']);
  const withHeadcount = (pair: ConcurrentRoleException['pair'], headcount: number): ConcurrentRolesConfig => ({
    offices: [office(headcount)],
    exceptions: [exception({ pair })],
  });
  it.each([
    ['징수관 + 현금출납, 정원 5', collector, withHeadcount('collection-and-cash', 5), true],
    ['징수관 + 현금출납, 정원 6', collector, withHeadcount('collection-and-cash', 6), false],
    ['분임재무관 + 일상경비등 출납원, 정원 3', subFinance, withHeadcount('finance-and-cash', 3), true],
    ['분임재무관 + 일상경비등 출납원, 정원 4', subFinance, withHeadcount('finance-and-cash', 4), false],
    ['징수관 + 현금출납, no 정원 recorded', collector, { offices: [], exceptions: [exception()] }, false],
  ] as const)('%s: allowed %s', (_name, who, config, allowed) => {
    expect(refusalOf(who, config) === undefined).toBe(allowed);
  });

  it('returns each use: who acted under which pair, on which ground, in which office of which 정원', () => {
    const decision = concurrentRolesDecision(
      caller(['revenue_officer', 'sub_finance_officer', 'petty_cash_cashier']),
      { offices: [office(3)], exceptions: [exception(), exception({ pair: 'finance-and-cash', reference: '회계과-77' })] },
      TODAY,
    );
    expect(decision).toEqual({
      ok: true,
      uses: [
        {
          pair: 'collection-and-cash',
          duties: ['징수관', '현금출납'],
          ground: '지방회계법 시행령 제25조',
          office: 'D-small',
          headcount: 3,
          maxHeadcount: 5,
          reference: '회계과-1234',
        },
        {
          pair: 'finance-and-cash',
          duties: ['재무관', '현금출납'],
          ground: '지방회계법 시행령 제46조',
          office: 'D-small',
          headcount: 3,
          maxHeadcount: 3,
          reference: '회계과-77',
        },
      ],
    });
    expect(concurrentRolesDecision(caller(['finance_officer']), NO_EXCEPTIONS, TODAY)).toEqual({ ok: true, uses: [] });
  });
});

describe('an appointment counts only within its dates', () => {
  const collector = caller(['revenue_officer', 'treasury_bank']);
  const dated = (from?: string, to?: string): ConcurrentRolesConfig => ({
    offices: [office(5)],
    exceptions: [exception({ from, to })],
  });
  it.each([
    ['from today', dated('2026-11-30'), true],
    ['from tomorrow', dated('2026-12-01'), false],
    ['to today', dated(undefined, '2026-11-30'), true],
    ['to yesterday', dated(undefined, '2026-11-29'), false],
    ['within both', dated('2026-01-01', '2026-12-31'), true],
    ['open at both ends', dated(), true],
  ] as const)('%s: allowed %s', (_name, config, allowed) => {
    expect(refusalOf(collector, config) === undefined).toBe(allowed);
  });
});
