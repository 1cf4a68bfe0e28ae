import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '#shared/auth/claims.ts';
import { isResidentRoute } from '#shared/auth/resident-identity.ts';
import { routes } from '#shared/routes/index.ts';
import { governmentRead, governmentWrite } from '#shared/auth/access.ts';
import { authorize } from '#shared/auth/authorize.ts';
import { machineClientKinds, maxGovernmentsPerClient, parseMachineClientSpec, parseMachineClients } from '#shared/auth/machine-clients.ts';

describe('callerFromClaims', () => {
  it('reads subject, roles, government and department as the local issuer writes them', () => {
    expect(callerFromClaims({ sub: 'u-1', roles: ['finance_officer', 'head'], gov: '11000', dept: 'finance' })).toEqual({
      sub: 'u-1',
      roles: ['finance_officer', 'head'],
      gov: '11000',
      dept: 'finance',
    });
  });

  it.each([
    ['space separated', '[finance_officer head]'],
    ['comma separated', '[finance_officer, head]'],
    ['comma without space', '[finance_officer,head]'],
    ['unbracketed', 'finance_officer head'],
  ])('accepts array claims that API Gateway flattened into a string (%s)', (_form, flattened) => {
    expect(callerFromClaims({ sub: 'u-1', roles: flattened })?.roles).toEqual(['finance_officer', 'head']);
  });

  it('reads the Cognito claim names (cognito:groups, custom:gov, custom:dept)', () => {
    expect(callerFromClaims({ sub: 'c-1', 'cognito:groups': '[council_member]', 'custom:gov': '26000', 'custom:dept': 'council' })).toEqual(
      {
        sub: 'c-1',
        roles: ['council_member'],
        gov: '26000',
        dept: 'council',
      },
    );
  });

  it('reads the 분임재무관 and the 출납원 roles (지방회계법 제44조제3항, 제47조) from either issuer', () => {
    const roles = ['sub_finance_officer', 'petty_cash_cashier', 'deposit_cashier'];
    expect(callerFromClaims({ sub: 'u-2', roles, gov: '11000', dept: 'D-tiny' })?.roles).toEqual(roles);
    expect(callerFromClaims({ sub: 'c-2', 'cognito:groups': `[${roles.join(' ')}]`, 'custom:gov': '11000' })?.roles).toEqual(roles);
  });

  it('drops role names it does not know, including prototype names', () => {
    expect(callerFromClaims({ sub: 'u', roles: ['admin', 'head', '__proto__', 'constructor', 'toString', 'HEAD'] })?.roles).toEqual([
      'head',
    ]);
  });

  it('has no caller without claims or without a subject', () => {
    expect(callerFromClaims(undefined)).toBeUndefined();
    expect(callerFromClaims({ roles: ['head'], gov: '11000' })).toBeUndefined();
    expect(callerFromClaims({ sub: '', roles: ['head'] })).toBeUndefined();
    expect(callerFromClaims({ sub: 42, roles: ['head'] })).toBeUndefined();
  });

  it('treats an empty or non-string government as none', () => {
    expect(callerFromClaims({ sub: 'm', roles: ['ministry'], gov: '' })?.gov).toBeUndefined();
    expect(callerFromClaims({ sub: 'm', roles: ['ministry'], gov: 11000 })?.gov).toBeUndefined();
    expect(callerFromClaims({ sub: 'm', roles: 'ministry' })).toEqual({ sub: 'm', roles: ['ministry'], gov: undefined, dept: undefined });
  });
});

describe('machine tokens (client credentials)', () => {
  const registry = parseMachineClients('bank-11110=treasury_bank@11110,dept-26000=department_official@26000');
  const token = (clientId: string, scope: string) => ({ sub: clientId, client_id: clientId, token_use: 'access', scope });

  it("acts for the bank client's government in the treasury bank's role", () => {
    expect(callerFromClaims(token('bank-11110', 'hojo/payments.confirm hojo/revenue.receive'), registry)).toEqual({
      sub: 'bank-11110',
      roles: ['treasury_bank'],
      gov: '11110',
      dept: undefined,
    });
    expect(callerFromClaims(token('dept-26000', 'hojo/postings.submit'), registry)).toMatchObject({
      roles: ['department_official'],
      gov: '26000',
    });
  });

  it('refuses an unknown client, and a client whose scopes do not back its role', () => {
    expect(callerFromClaims(token('stranger', 'hojo/payments.confirm'), registry)).toBeUndefined();
    expect(callerFromClaims(token('bank-11110', 'hojo/postings.submit'), registry)).toBeUndefined();
    expect(callerFromClaims(token('bank-11110', ''), registry)).toBeUndefined();
    // Without a registry no machine is anyone.
    expect(callerFromClaims(token('bank-11110', 'hojo/payments.confirm'))).toBeUndefined();
  });

  it('ignores role and government claims a machine token carries besides its registration', () => {
    const claims = { ...token('bank-11110', 'hojo/payments.confirm'), roles: ['ministry'], gov: '26000', 'custom:gov': '26000' };
    expect(callerFromClaims(claims, registry)).toMatchObject({ roles: ['treasury_bank'], gov: '11110' });
  });

  it("reads an official's access token (sub is the user, client_id the app) as an official's", () => {
    expect(callerFromClaims({ sub: 'user-1', client_id: 'web', 'cognito:groups': '[head]', 'custom:gov': '11110' }, registry)).toEqual({
      sub: 'user-1',
      roles: ['head'],
      gov: '11110',
      dept: undefined,
    });
  });

  it('refuses a malformed registry rather than opening or closing a client silently', () => {
    expect(() => parseMachineClients('bank=treasury_bank')).toThrow(/not role@government/);
    expect(() => parseMachineClients('bank=ministry@11110')).toThrow(/not a machine client's role/);
    expect(() => parseMachineClients('bank=treasury_bank@1111')).toThrow(/not role@government/);
    expect(() => parseMachineClients('treasury_bank@11110')).toThrow(/clientId=role@government/);
    expect(parseMachineClients(undefined).size).toBe(0);
  });
});

describe('a machine client of several governments (a bank for the governments whose 금고 it is)', () => {
  const registry = parseMachineClients(
    'bank-nh=treasury_bank@11110+26000,bank-11110=treasury_bank@11110,dept-op=department_official@26000+26110',
  );
  const bank = (clientId: string) => ({ sub: clientId, client_id: clientId, token_use: 'access', scope: 'hojo/payments.confirm' });
  const dept = { sub: 'dept-op', client_id: 'dept-op', token_use: 'access', scope: 'hojo/postings.submit' };
  const write = governmentWrite('treasury_bank');

  it('acts for the government of the path when it is in its set, each of them in turn', () => {
    for (const gov of ['11110', '26000']) {
      const caller = callerFromClaims(bank('bank-nh'), registry, undefined, gov);
      expect(caller).toEqual({ sub: 'bank-nh', roles: ['treasury_bank'], gov, dept: undefined });
      expect(authorize(write, caller, gov)).toEqual({ allowed: true, actingRole: 'treasury_bank' });
    }
    expect(callerFromClaims(dept, registry, undefined, '26110')).toMatchObject({ roles: ['department_official'], gov: '26110' });
  });

  it('acts for no government outside its set: the tenant rule answers other-government, for reads too', () => {
    const caller = callerFromClaims(bank('bank-nh'), registry, undefined, '41000');
    expect(caller?.gov).toBeUndefined();
    expect(authorize(write, caller, '41000')).toMatchObject({ allowed: false, code: 'other-government' });
    expect(authorize(governmentRead('treasury_bank'), caller, '41000')).toMatchObject({ allowed: false, code: 'other-government' });
    // a path value that is no government at all, and none
    expect(callerFromClaims(bank('bank-nh'), registry, undefined, '11110+26000')?.gov).toBeUndefined();
    expect(callerFromClaims(bank('bank-nh'), registry)?.gov).toBeUndefined();
  });

  it('never widens a one-government client: it stays its own government whatever the path names', () => {
    expect(callerFromClaims(bank('bank-11110'), registry, undefined, '11110')?.gov).toBe('11110');
    const elsewhere = callerFromClaims(bank('bank-11110'), registry, undefined, '26000');
    expect(elsewhere?.gov).toBe('11110');
    expect(authorize(write, elsewhere, '26000')).toMatchObject({ allowed: false, code: 'other-government' });
    expect(callerFromClaims(bank('bank-11110'), registry)?.gov).toBe('11110');
  });

  it('ignores government claims in the token: only the registered set and the path decide', () => {
    const claims = { ...bank('bank-nh'), gov: '41000', 'custom:gov': '41000' };
    expect(callerFromClaims(claims, registry, undefined, '41000')?.gov).toBeUndefined();
  });

  it('reads role@gov+gov…, and refuses an empty set, a government named twice, too many, a client id twice', () => {
    expect(parseMachineClientSpec('treasury_bank@11110')).toEqual({ role: 'treasury_bank', govs: ['11110'] });
    expect(parseMachineClientSpec('treasury_bank@11110+26000')).toEqual({ role: 'treasury_bank', govs: ['11110', '26000'] });
    expect(() => parseMachineClientSpec('treasury_bank@')).toThrow(/not role@government/);
    expect(() => parseMachineClientSpec('treasury_bank@11110+')).toThrow(/not role@government/);
    expect(() => parseMachineClientSpec('treasury_bank@+11110')).toThrow(/not role@government/);
    expect(() => parseMachineClientSpec('treasury_bank@11110+26000+11110')).toThrow(/government 11110 twice/);
    const govs = (n: number) => Array.from({ length: n }, (_, i) => String(10000 + i)).join('+');
    expect(parseMachineClientSpec(`treasury_bank@${govs(maxGovernmentsPerClient)}`).govs).toHaveLength(maxGovernmentsPerClient);
    expect(() => parseMachineClientSpec(`treasury_bank@${govs(maxGovernmentsPerClient + 1)}`)).toThrow(/at most 99/);
    expect(() => parseMachineClients('a=treasury_bank@11110,a=treasury_bank@26000')).toThrow(/client a is given twice/);
  });

  it('needs no choice on routes without a government: no national route admits a machine role', () => {
    const machineRoles: string[] = Object.values(machineClientKinds).map((kind) => kind.role);
    const national = routes.filter((route) => route.access.kind === 'national');
    expect(national.length).toBeGreaterThan(0);
    for (const route of national) {
      const admitted = route.access.kind === 'national' ? route.access.roles : [];
      expect(
        admitted.filter((role) => machineRoles.includes(role)),
        route.id,
      ).toEqual([]);
    }
  });
});

describe("residents' own user pool (issue #19, finding 10)", () => {
  const residents = 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_Residents';
  const officials = 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_Officials';

  it("makes a token of the residents' pool a resident and nothing more, whatever groups it claims; its government is never the token's", () => {
    const claims = { sub: 'r-1', iss: residents, 'custom:gov': '11110', 'cognito:groups': '[head ministry]', 'custom:dept': 'D1' };
    // the residents' registry decides the government (shared/wiring/resident-registry.ts)
    expect(callerFromClaims(claims, undefined, residents)).toEqual({ sub: 'r-1', roles: ['resident'], gov: undefined, dept: undefined });
  });

  it("never lets an officials' token act as a resident once residents have their own issuer", () => {
    const claims = { sub: 'o-1', iss: officials, 'custom:gov': '11110', 'cognito:groups': '[resident budget_officer]' };
    expect(callerFromClaims(claims, undefined, residents)?.roles).toEqual(['budget_officer']);
    expect(callerFromClaims({ ...claims, 'cognito:groups': '[resident]' }, undefined, residents)?.roles).toEqual([]);
  });

  it('keeps one issuer for everyone where no residents pool is configured (local runtime, on-prem): a resident is a resident only, of no government by the token', () => {
    expect(callerFromClaims({ sub: 'r-1', iss: officials, roles: ['resident'], gov: '11110' })).toEqual({
      sub: 'r-1',
      roles: ['resident'],
      gov: undefined,
      dept: undefined,
    });
    const mixed = callerFromClaims({ sub: 'r-1', iss: officials, roles: ['resident', 'budget_officer'], gov: '11110' });
    expect(mixed).toMatchObject({ roles: ['resident'], gov: undefined });
  });

  it('names the routes only residents call: their enrolment, propose, vote and their own records', () => {
    expect(routes.filter((route) => isResidentRoute(route.access)).map((route) => route.id)).toEqual([
      'requestResidentEnrolment',
      'getMyResidentEnrolment',
      'submitParticipationProposal',
      'voteForParticipationProposal',
      'getMyParticipationRecords',
    ]);
  });
});
