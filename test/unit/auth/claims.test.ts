import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '#shared/auth/claims.ts';

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
