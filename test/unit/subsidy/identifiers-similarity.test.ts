import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  identifiersOf,
  isBusinessNumber,
  isCorporateNumber,
  maskResidentNumber,
  personPseudonym,
} from '#shared/domain/subsidy/identifiers.ts';
import { bigrams, jaccard, normalise, similarity } from '#shared/domain/subsidy/similarity.ts';

const SECRET = 'test-secret';

describe('identifiers (보조금령 §19⑤⑥)', () => {
  it('checks 사업자등록번호 and 법인등록번호 check digits', () => {
    expect(isBusinessNumber('123-45-67891')).toBe(true);
    expect(isBusinessNumber('1234567890')).toBe(false);
    expect(isBusinessNumber('12345')).toBe(false);
    expect(isCorporateNumber('110111-2345670')).toBe(true);
    expect(isCorporateNumber('1101112345671')).toBe(false);
  });

  it('keys a person by a keyed pseudonym, never the number itself, and names are never keys', () => {
    const ids = identifiersOf(
      {
        kind: 'corporation',
        name: '(주)가나다',
        businessNumber: '123-45-67891',
        corporateNumber: '1101112345670',
        representative: { name: '김대표', residentNumber: '800101-1234567' },
      },
      SECRET,
    );
    expect(ids.map((id) => id.kind)).toEqual(['brn', 'crn', 'person']);
    expect(ids[0]?.value).toBe('1234567891');
    const person = ids[2]?.value ?? '';
    expect(person).not.toContain('8001011234567');
    expect(person).toBe(personPseudonym('8001011234567', SECRET));
    expect(personPseudonym('800101-1234567', 'other-secret')).not.toBe(person);
    expect(JSON.stringify(ids)).not.toContain('가나다');
  });

  it('masks a 주민등록번호 to birth date and sex digit', () => {
    expect(maskResidentNumber('800101-1234567')).toBe('800101-1******');
  });
});

describe('similarity: Hangul syllable bigrams, Jaccard', () => {
  it('normalises spacing, punctuation, width and case', () => {
    expect(normalise(' 청소년  진로-캠프 (ＡＢＣ) ')).toBe('청소년진로캠프abc');
    expect([...bigrams('진로캠프')]).toEqual(['진로', '로캠', '캠프']);
  });

  it('scores a renamed near-duplicate high and an unrelated project low', () => {
    const period = { start: '2026-03-01', end: '2026-10-31' };
    const original = {
      projectName: '청소년 진로체험 캠프',
      planSummary: '관내 중학생 100명을 대상으로 직업체험 캠프를 운영하여 진로 탐색을 돕습니다.',
      period,
    };
    const renamed = {
      projectName: '청소년진로체험캠프 운영',
      planSummary: '관내 중학생 120명을 대상으로 직업 체험 캠프를 운영하여 진로탐색을 돕습니다.',
      period: { start: '2026-05-01', end: '2026-12-31' },
    };
    const unrelated = { projectName: '경로당 건강체조 교실', planSummary: '어르신 대상 주 2회 건강체조 강좌를 엽니다.', period };
    const near = similarity(renamed, original);
    expect(near.score).toBeGreaterThanOrEqual(0.7);
    expect(near.flagged).toBe(true);
    expect(near.sharedNameBigrams).toContain('진로');
    expect(similarity(unrelated, original).flagged).toBe(false);
    // the same text in a period that does not overlap is history, not a duplicate
    expect(similarity({ ...original, period: { start: '2027-01-01', end: '2027-06-30' } }, original).flagged).toBe(false);
  });

  it('is symmetric and within [0, 1]; identical texts score 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = jaccard(bigrams(a), bigrams(b));
        expect(ab).toBe(jaccard(bigrams(b), bigrams(a)));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
    expect(jaccard(bigrams('청소년 캠프'), bigrams('청소년캠프'))).toBe(1);
  });
});
