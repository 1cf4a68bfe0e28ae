import { describe, expect, it } from 'vitest';
import { flagsRefusal, nationwideCheck } from '#shared/domain/subsidy/nationwide-check.ts';
import type { IdentifierRecords } from '#shared/domain/subsidy/nationwide-check.ts';

const brn = { kind: 'brn' as const, value: '1234567891' };
const person = { kind: 'person' as const, value: 'p'.repeat(40) };
const self = {
  gov: '11110',
  applicationId: 'A-new',
  projectName: '청소년진로체험캠프 운영',
  planSummary: '관내 중학생 120명을 대상으로 직업 체험 캠프를 운영하여 진로탐색을 돕습니다.',
  period: { start: '2026-05-01', end: '2026-12-31' },
};
const history = {
  gov: '26000',
  year: 2026,
  applicationId: 'A-busan',
  projectName: '청소년 진로체험 캠프',
  planSummary: '관내 중학생 100명을 대상으로 직업체험 캠프를 운영하여 진로 탐색을 돕습니다.',
  period: { start: '2026-03-01', end: '2026-10-31' },
  amount: 9_000_000,
  decidedOn: '2026-03-10',
};
const none = (identifier: IdentifierRecords['identifier']): IdentifierRecords => ({ identifier, grants: [], exclusions: [], returns: [] });

describe('the nationwide check at 교부결정', () => {
  it('refuses an applicant excluded under any identifier, whatever its new name, with the ground and period', () => {
    const exclusion = {
      gov: '26000',
      exclusionId: 'X1',
      party: 'recipient' as const,
      ground: 'fraud' as const,
      from: '2025-01-01',
      until: '2029-12-31',
      article: '보조금법 §32①1',
    };
    const found = nationwideCheck(self, [none(brn), { ...none(person), exclusions: [exclusion] }], '2026-05-02');
    expect(found.refusal).toMatchObject({
      code: 'recipient-excluded',
      context: {
        ground: 'fraud',
        from: '2025-01-01',
        until: '2029-12-31',
        excludedBy: '26000',
        matchedBy: '대표자/본인 (주민등록번호 확인)',
      },
    });
    expect(nationwideCheck(self, [{ ...none(person), exclusions: [exclusion] }], '2030-01-01').refusal).toBeUndefined();
  });

  it('suspends grants while a 반환 is unpaid anywhere (§33)', () => {
    const found = nationwideCheck(
      self,
      [
        {
          ...none(brn),
          returns: [
            { gov: '26000', applicationId: 'A-old', outstanding: 1_000 },
            { gov: '26000', applicationId: 'A-paid', outstanding: 0 },
          ],
        },
      ],
      '2026-05-02',
    );
    expect(found.refusal).toMatchObject({ code: 'subsidy-returns-outstanding', context: { outstanding: 1_000 } });
  });

  it('flags a similar overlapping grant once, with its score and every identifier that matched', () => {
    const found = nationwideCheck(
      self,
      [
        { ...none(brn), grants: [history] },
        { ...none(person), grants: [history] },
      ],
      '2026-05-02',
    );
    expect(found.refusal).toBeUndefined();
    expect(found.flags).toHaveLength(1);
    expect(found.flags[0]).toMatchObject({
      gov: '26000',
      applicationId: 'A-busan',
      matchedBy: ['사업자등록번호 1234567891', '대표자/본인 (주민등록번호 확인)'],
    });
    expect(found.flags[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(flagsRefusal(found.flags, undefined)).toMatchObject({ code: 'similar-grant-unresolved', context: { flags: found.flags } });
    expect(flagsRefusal(found.flags, '부산 사업은 10월 종료, 대상 학교가 다름')).toBeUndefined();
  });

  it('looks back 5 years only, and never at the application itself', () => {
    const old = { ...history, decidedOn: '2021-05-01', period: { start: '2021-01-01', end: '2026-12-31' } };
    expect(nationwideCheck(self, [{ ...none(brn), grants: [old] }], '2026-05-02').flags).toHaveLength(0);
    const itself = { ...history, gov: self.gov, applicationId: self.applicationId };
    expect(nationwideCheck(self, [{ ...none(brn), grants: [itself] }], '2026-05-02').flags).toHaveLength(0);
  });
});
