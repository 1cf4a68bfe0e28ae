import { describe, expect, it } from 'vitest';
import { publicationDecision, statementRefusal } from '#shared/domain/subsidy/publication.ts';

/** 명단 공표 (보조금법 §30③④; 보조금령 §17②③④): the decision's preconditions and its period, at their edges. */
const facts = { noticeOn: '2027-02-01', statementBy: '2027-02-15', statementReceived: false, appealsPending: 0 };
const input = { decidedOn: '2027-02-16', committeeOn: '2027-02-16', publish: true, extensionMonths: 0 };

describe('명단 공표', () => {
  it('decides on the day after the statement period, or earlier once the statement came', () => {
    expect(publicationDecision(facts, { ...input, decidedOn: '2027-02-15', committeeOn: '2027-02-15' })).toMatchObject({
      code: 'publication-hearing-open',
    });
    expect(publicationDecision(facts, input)).toEqual({ from: '2027-02-16', until: '2028-02-15', article: '보조금법 §30①; 보조금령 §17②' });
    expect(
      publicationDecision({ ...facts, statementReceived: true }, { ...input, decidedOn: '2027-02-10', committeeOn: '2027-02-10' }),
    ).toMatchObject({
      from: '2027-02-10',
    });
  });
  it('waits while an objection against the measure is pending (§30④)', () => {
    expect(publicationDecision({ ...facts, appealsPending: 1 }, input)).toMatchObject({ code: 'publication-appeal-pending' });
    expect(publicationDecision({ ...facts, appealsPending: 1 }, { ...input, publish: false, withheldGround: 'death' })).toMatchObject({
      code: 'publication-appeal-pending',
    });
  });
  it('extends by 12 months at most; the notice precedes the committee (영 §17②④)', () => {
    expect(publicationDecision(facts, { ...input, extensionMonths: 12 })).toMatchObject({ until: '2029-02-15' });
    expect(publicationDecision(facts, { ...input, extensionMonths: 13 })).toMatchObject({ code: 'publication-extension-too-long' });
    expect(publicationDecision(facts, { ...input, committeeOn: '2027-01-31' })).toMatchObject({
      code: 'publication-notice-after-committee',
    });
  });
  it('takes a statement from the notice to statementBy', () => {
    expect(statementRefusal(facts, '2027-02-01')).toBeUndefined();
    expect(statementRefusal(facts, '2027-02-15')).toBeUndefined();
    expect(statementRefusal(facts, '2027-01-31')).toMatchObject({ code: 'publication-statement-late' });
    expect(statementRefusal(facts, '2027-02-16')).toMatchObject({ code: 'publication-statement-late' });
  });
});
