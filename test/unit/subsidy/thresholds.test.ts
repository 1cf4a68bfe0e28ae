import { describe, expect, it } from 'vitest';
import { addMonths, wholeMonthsBetween } from '#shared/domain/subsidy/dates.ts';
import {
  AUDIT_THRESHOLD,
  DISCLOSURE_THRESHOLD,
  VERIFICATION_THRESHOLD,
  lateBand,
  obligations,
  reportDueDate,
  verificationRefusal,
} from '#shared/domain/subsidy/reporting.ts';

describe('dates', () => {
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-10-31', 2)).toBe('2026-12-31');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(wholeMonthsBetween('2027-02-28', '2027-05-27')).toBe(2);
    expect(wholeMonthsBetween('2027-02-28', '2027-05-28')).toBe(3);
  });
});

describe('실적보고 within 2 months (보조금법 §17①; 보조금령 §9①)', () => {
  it('is due 2 months after completion, or after the year end when the project runs on', () => {
    expect(reportDueDate(2026, '2026-10-15', '2026-10-31')).toBe('2026-12-15');
    expect(reportDueDate(2026, undefined, '2026-10-31')).toBe('2026-12-31');
    expect(reportDueDate(2026, undefined, '2027-06-30')).toBe('2027-02-28');
  });

  it('cuts the next grant by the late bands of 보조금령 §9④, at their edges', () => {
    const due = '2027-02-28';
    expect(lateBand(due, '2027-02-28')).toMatchObject({ band: 0, monthsLate: 0 });
    expect(lateBand(due, '2027-03-01')).toMatchObject({ band: 0 });
    expect(lateBand(due, '2027-05-27')).toMatchObject({ band: 0, monthsLate: 2 });
    expect(lateBand(due, '2027-05-28')).toMatchObject({ band: 1, monthsLate: 3, minCutBp: 0, maxCutBp: 1000 });
    expect(lateBand(due, '2027-08-27')).toMatchObject({ band: 1, monthsLate: 5 });
    expect(lateBand(due, '2027-08-28')).toMatchObject({ band: 2, monthsLate: 6, minCutBp: 1001, maxCutBp: 2000 });
    expect(lateBand(due, '2028-02-27')).toMatchObject({ band: 2, monthsLate: 11 });
    expect(lateBand(due, '2028-02-28')).toMatchObject({ band: 3, monthsLate: 12, minCutBp: 2001, maxCutBp: 5000 });
  });
});

describe('thresholds at their edges', () => {
  it('external verification from 3억원 (보조금법 §17②), not for a local government', () => {
    expect(VERIFICATION_THRESHOLD).toBe(300_000_000);
    expect(verificationRefusal(299_999_999, false, false)).toBeUndefined();
    expect(verificationRefusal(300_000_000, false, false)).toMatchObject({
      code: 'verification-required',
      context: { numbers: { grantTotal: 300_000_000, threshold: 300_000_000 } },
    });
    expect(verificationRefusal(300_000_000, false, true)).toBeUndefined();
    expect(verificationRefusal(300_000_000, true, false)).toBeUndefined();
  });

  it('audit from 10억원 a year (§18), 공시 from 500만원 (§20의2; 영 §11의2), with their deadlines', () => {
    expect(AUDIT_THRESHOLD).toBe(1_000_000_000);
    expect(DISCLOSURE_THRESHOLD).toBe(5_000_000);
    const base = { year: 2026, notifiedOn: '2026-03-10', recipientIsLocalGovernment: false };
    const kinds = (grantTotal: number, recipientYearTotal: number) =>
      obligations({ ...base, grantTotal, recipientYearTotal }).map((o) => `${o.kind}${o.due ? `@${o.due}` : ''}`);
    expect(kinds(4_999_999, 4_999_999)).toEqual([]);
    expect(kinds(5_000_000, 5_000_000)).toEqual(['disclosure@2027-04-30']);
    expect(kinds(300_000_000, 999_999_999)).toEqual(['external-verification', 'disclosure@2027-04-30']);
    expect(kinds(300_000_000, 1_000_000_000)).toEqual([
      'external-verification',
      'auditor-selection@2026-06-10',
      'audit-report@2027-04-30',
      'disclosure@2027-04-30',
    ]);
    expect(
      obligations({ ...base, grantTotal: 2_000_000_000, recipientYearTotal: 2_000_000_000, recipientIsLocalGovernment: true }),
    ).toEqual([]);
  });
});
