import { describe, expect, it } from 'vitest';
import { governmentRead, governmentWrite, nationalRead, publicAccess } from '#shared/auth/access.ts';
import { authorize } from '#shared/auth/authorize.ts';
import type { Caller } from '#shared/auth/caller.ts';
import type { Role } from '#shared/auth/roles.ts';

const caller = (roles: Role[], gov?: string): Caller => ({ sub: 's', roles, gov, dept: undefined });
const SEOUL = '11000';
const BUSAN = '26000';

describe('authorize', () => {
  it('lets anyone use a public route, with or without a token', () => {
    expect(authorize(publicAccess, undefined, undefined)).toEqual({ allowed: true, actingRole: undefined });
    expect(authorize(publicAccess, caller(['resident'], SEOUL), SEOUL)).toEqual({ allowed: true, actingRole: 'resident' });
  });

  it('refuses a protected route without a caller', () => {
    expect(authorize(governmentRead('head'), undefined, SEOUL)).toMatchObject({ allowed: false, code: 'role-not-permitted' });
    expect(authorize(nationalRead('ministry'), undefined, undefined)).toMatchObject({ allowed: false });
  });

  it('admits only the roles a route names', () => {
    const access = governmentWrite('finance_officer');
    expect(authorize(access, caller(['finance_officer'], SEOUL), SEOUL)).toEqual({ allowed: true, actingRole: 'finance_officer' });
    const refused = authorize(access, caller(['disbursing_officer', 'head'], SEOUL), SEOUL);
    expect(refused).toMatchObject({ allowed: false, code: 'role-not-permitted' });
    expect(refused.allowed ? '' : refused.detail).toContain('finance_officer');
  });

  it('acts in the first of the caller’s roles that the route admits', () => {
    const decision = authorize(
      governmentWrite('disbursing_officer', 'finance_officer'),
      caller(['head', 'finance_officer', 'disbursing_officer'], SEOUL),
      SEOUL,
    );
    expect(decision).toEqual({ allowed: true, actingRole: 'finance_officer' });
  });

  it('never lets anyone write to another government, the ministry included', () => {
    for (const role of ['finance_officer', 'ministry', 'research'] as const) {
      const decision = authorize(governmentWrite(role), caller([role], SEOUL), BUSAN);
      expect(decision, role).toMatchObject({ allowed: false, code: 'other-government' });
    }
    expect(authorize(governmentWrite('ministry'), caller(['ministry']), BUSAN)).toMatchObject({ allowed: false, code: 'other-government' });
  });

  it('lets only the ministry and research read another government, where the route admits them', () => {
    const access = governmentRead('head', 'council_member', 'ministry', 'research');
    expect(authorize(access, caller(['ministry']), BUSAN)).toEqual({ allowed: true, actingRole: 'ministry' });
    expect(authorize(access, caller(['research'], SEOUL), BUSAN)).toEqual({ allowed: true, actingRole: 'research' });
    expect(authorize(access, caller(['head'], SEOUL), BUSAN)).toMatchObject({ allowed: false, code: 'other-government' });
    expect(authorize(access, caller(['council_member'], SEOUL), BUSAN)).toMatchObject({ allowed: false, code: 'other-government' });
    expect(authorize(governmentRead('head'), caller(['ministry']), BUSAN)).toMatchObject({ allowed: false, code: 'role-not-permitted' });
  });

  it('does not let a cross-government role lend its reach to another role of the same caller', () => {
    // The caller holds head (admitted) and research (not admitted by this route): head cannot read Busan.
    const decision = authorize(governmentRead('head'), caller(['head', 'research'], SEOUL), BUSAN);
    expect(decision).toMatchObject({ allowed: false, code: 'other-government' });
  });

  it('treats a caller without a government as foreign to every government', () => {
    expect(authorize(governmentRead('head'), caller(['head']), SEOUL)).toMatchObject({ allowed: false, code: 'other-government' });
    expect(authorize(governmentWrite('head'), caller(['head']), undefined)).toMatchObject({ allowed: false, code: 'other-government' });
  });

  it('admits national routes by role alone', () => {
    expect(authorize(nationalRead('ministry', 'research'), caller(['research'], SEOUL), undefined)).toEqual({
      allowed: true,
      actingRole: 'research',
    });
    expect(authorize(nationalRead('ministry'), caller(['head'], SEOUL), undefined)).toMatchObject({
      allowed: false,
      code: 'role-not-permitted',
    });
  });
});
