import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { concurrentRolesRefusal, exceptionRefusal, NO_EXCEPTIONS, pairsHeld } from '#shared/domain/registry/concurrent-roles.ts';
import type { ConcurrentRoleException } from '#shared/domain/registry/concurrent-roles.ts';

/** 겸직 (지방회계법 제23조, 제36조; 시행령 제25조, 제46조, 제53조①) as a table of cases. */
const caller = (roles: Role[], sub = 'kim', dept = 'D-small') => ({ sub, roles, dept });
const exception = (overrides: Partial<ConcurrentRoleException> = {}): ConcurrentRoleException => ({
  pair: 'collection-and-cash',
  office: 'D-small',
  headcount: 5,
  subjects: ['kim'],
  reference: '회계과-1234',
  ...overrides,
});

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
    // 징수관 and 재무관 are not kept apart by any article; nor is any duty with the other roles.
    [['revenue_officer', 'finance_officer'], []],
    [['head', 'finance_officer', 'chief_accountant', 'budget_officer'], []],
  ] as const)('%j hold %j', (roles, pairs) => {
    expect(pairsHeld(roles).map((held) => held.pair)).toEqual(pairs);
  });
});

describe('a configuration names only the exceptions the law allows', () => {
  it.each([
    ['징수관 + 현금출납 in an office of 5 (시행령 제25조)', exception(), undefined],
    ['징수관 + 현금출납 in an office of 6', exception({ headcount: 6 }), '지방회계법 시행령 제25조'],
    ['분임재무관 + 일상경비등 출납원 in an office of 3 (시행령 제46조)', exception({ pair: 'finance-and-cash', headcount: 3 }), undefined],
    ['재무관 + 현금출납 in an office of 4', exception({ pair: 'finance-and-cash', headcount: 4 }), '지방회계법 시행령 제46조'],
    ['재무관 + 지출원, however small the office', exception({ pair: 'finance-and-disbursing', headcount: 1 }), '지방회계법 제36조'],
    ['지출원 + 현금출납, however small the office', exception({ pair: 'disbursing-and-cash', headcount: 1 }), '지방회계법 제36조'],
  ] as const)('%s', (_name, entry, article) => {
    const refused = exceptionRefusal(entry);
    if (article === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { article, pair: entry.pair } });
  });
});

describe('every operation: a caller holding a kept-apart pair acts only under an exception naming it', () => {
  const config = { exceptions: [exception(), exception({ pair: 'finance-and-cash', headcount: 3, subjects: ['Park '] })] };
  it.each([
    ['no pair held: allowed without any configuration', caller(['finance_officer']), NO_EXCEPTIONS, undefined],
    ['재무관 + 지출원 by default', caller(['finance_officer', 'disbursing_officer']), NO_EXCEPTIONS, '지방회계법 제36조'],
    ['재무관 + 지출원 is never covered', caller(['finance_officer', 'disbursing_officer']), config, '지방회계법 제36조'],
    ['징수관 + 현금출납 by default', caller(['revenue_officer', 'treasury_bank']), NO_EXCEPTIONS, '지방회계법 제23조'],
    ['징수관 + 현금출납 named in its office', caller(['revenue_officer', 'treasury_bank']), config, undefined],
    ['징수관 + 현금출납 in another office', caller(['revenue_officer', 'treasury_bank'], 'kim', 'D-large'), config, '지방회계법 제23조'],
    ['징수관 + 현금출납, another official', caller(['revenue_officer', 'treasury_bank'], 'lee'), config, '지방회계법 제23조'],
    // the subject compared as the identity provider may spell it: case, whitespace, NFC/NFKC
    ['재무관 + 현금출납 named as "Park " for subject "park"', caller(['finance_officer', 'treasury_bank'], 'park'), config, undefined],
    [
      'an exception for one pair does not cover another',
      caller(['revenue_officer', 'finance_officer', 'treasury_bank']),
      config,
      '지방회계법 제36조',
    ],
  ] as const)('%s', (_name, who, configuration, article) => {
    const refused = concurrentRolesRefusal(who, configuration);
    if (article === undefined) expect(refused).toBeUndefined();
    else expect(refused).toMatchObject({ kind: 'forbidden', code: 'concurrent-roles-not-allowed', context: { article } });
  });
});
