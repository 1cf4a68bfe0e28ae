import { describe, expect, it } from 'vitest';
import { nextGrantCut, pendingCutOf } from '#shared/domain/subsidy/next-grant-cut.ts';
import { lateBand } from '#shared/domain/subsidy/reporting.ts';

/** The cut of the next grant for a late 실적보고 (보조금법 §17③; 보조금령 §9④), at the band edges. */
const pending = (gov: string, applicationId: string, submittedOn: string) =>
  pendingCutOf(gov, applicationId, lateBand('2026-06-30', submittedOn));

describe('the next grant after a late 실적보고', () => {
  it('leaves no cut under 3 months late, a band from 3 months', () => {
    expect(pending('11110', 'A1', '2026-09-29')).toBeUndefined();
    expect(pending('11110', 'A1', '2026-09-30')).toMatchObject({ minCutBp: 0, maxCutBp: 1000, monthsLate: 3 });
    expect(pending('11110', 'A1', '2026-12-30')).toMatchObject({ minCutBp: 1001, maxCutBp: 2000, monthsLate: 6 });
    expect(pending('11110', 'A1', '2027-06-30')).toMatchObject({ minCutBp: 2001, maxCutBp: 5000, monthsLate: 12 });
  });

  it('is nothing to decide without a pending cut of the same government', () => {
    const elsewhere = pending('26110', 'A1', '2027-06-30');
    expect(nextGrantCut('11110', 9_000_000, elsewhere ? [elsewhere] : [], {})).toBeUndefined();
  });

  it('needs a rate inside the band or a reason, and cuts exact won rounded down', () => {
    const cut = pending('11110', 'A1', '2026-12-30');
    const cuts = cut ? [cut] : [];
    expect(nextGrantCut('11110', 9_000_000, cuts, {})).toMatchObject({
      code: 'report-cut-undecided',
      context: { numbers: { minCutBp: 1001 } },
    });
    expect(nextGrantCut('11110', 9_000_000, cuts, { cutBp: 1000 })).toMatchObject({
      code: 'report-cut-outside-band',
      context: { requested: 1000 },
    });
    expect(nextGrantCut('11110', 9_000_000, cuts, { cutBp: 2001 })).toMatchObject({ code: 'report-cut-outside-band' });
    expect(nextGrantCut('11110', 9_000_001, cuts, { cutBp: 1001 })).toMatchObject({ decided: 8_099_101, cut: 900_900, cutBp: 1001 });
    expect(nextGrantCut('11110', 9_000_000, cuts, { cutWaiver: '재난 피해 지원' })).toMatchObject({
      decided: 9_000_000,
      cut: 0,
      waiver: '재난 피해 지원',
    });
  });

  it('applies the longest delay once for several late reports, at most 50 %', () => {
    const short = pending('11110', 'A1', '2026-10-15');
    const long = pending('11110', 'A2', '2027-08-01');
    const cuts = [short, long].flatMap((c) => (c ? [c] : []));
    expect(nextGrantCut('11110', 10_000_000, cuts, { cutBp: 5000 })).toMatchObject({
      decided: 5_000_000,
      taken: [{ applicationId: 'A1' }, { applicationId: 'A2' }],
    });
    expect(nextGrantCut('11110', 10_000_000, cuts, { cutBp: 5001 })).toMatchObject({ code: 'report-cut-outside-band' });
  });
});

describe('이의신청 periods (보조금법 §36의2)', () => {
  it('takes an objection from the notice to its 20th day after, and gives an acceptance day for the decision’s content', async () => {
    const { acceptanceDueOf, objectionRefusal } = await import('#shared/domain/subsidy/objection.ts');
    expect(objectionRefusal('2026-09-01', '2026-09-21')).toBeUndefined();
    expect(objectionRefusal('2026-09-01', '2026-09-01')).toBeUndefined();
    expect(objectionRefusal('2026-09-01', '2026-09-22')).toMatchObject({ code: 'objection-period-passed' });
    expect(objectionRefusal('2026-09-01', '2026-08-31')).toMatchObject({ code: 'objection-period-passed' });
    expect(acceptanceDueOf('decision', '2026-10-05')).toBe('2026-10-25');
    expect(acceptanceDueOf('cancellation', '2026-10-05')).toBeUndefined();
  });
});
