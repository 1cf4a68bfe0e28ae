import { describe, expect, it } from 'vitest';
import { attributionRefusal } from '#shared/domain/fiscal-calendar/attribution.ts';
import { fiscalPhase, koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { postingWindowRefusal } from '#shared/domain/fiscal-calendar/posting-window.ts';

const at = (iso: string) => new Date(iso);
const code = (refusal: { code: string } | undefined) => refusal?.code ?? 'ok';
const post = (kind: string, date: string, now: string, exceptionCode?: string) =>
  code(postingWindowRefusal({ year: 2026, kind, date, exceptionCode }, at(now)));

describe('the dates of fiscal year 2026 in Korean time', () => {
  it.each([
    ['2026-12-31T23:59:59+09:00', '2026-12-31', 'open'],
    ['2026-12-31T15:00:00Z', '2027-01-01', 'exception-window'], // 00:00 KST on 1 January
    ['2027-01-20T23:59:59+09:00', '2027-01-20', 'exception-window'],
    ['2027-01-21T00:00:00+09:00', '2027-01-21', 'completion'],
    ['2027-02-10T23:59:59+09:00', '2027-02-10', 'completion'],
    ['2027-02-11T00:00:00+09:00', '2027-02-11', 'locked'],
  ])('%s is %s in Korea: %s', (instant, day, phase) => {
    expect(koreanDate(at(instant))).toBe(day);
    expect(fiscalPhase(2026, day)).toBe(phase);
  });
});

describe('postings of 2026 at every edge of the year boundary', () => {
  it('31 Dec 23:59 KST: everything posts, nothing is dated tomorrow', () => {
    expect(post('commit', '2026-12-31', '2026-12-31T23:59:00+09:00')).toBe('ok');
    expect(post('commit', '2027-01-01', '2026-12-31T23:59:00+09:00')).toBe('posting-date-in-future');
  });

  it('1 Jan 00:00 KST: the cash books are closed; only a listed exception of the right side posts', () => {
    const now = '2027-01-01T00:00:00+09:00';
    expect(post('commit', '2027-01-01', now)).toBe('cash-books-closed');
    expect(post('commit', '2026-12-31', now)).toBe('cash-books-closed');
    expect(post('commit', '2027-01-01', now, 'contract-completed-at-year-end')).toBe('ok');
    expect(post('pay', '2027-01-01', now, 'credit-card-bill')).toBe('ok');
    expect(post('receive', '2027-01-01', now, 'credit-card-bill')).toBe('exception-not-applicable');
    expect(post('receive', '2027-01-01', now, 'advance-payment-return')).toBe('ok');
    expect(post('order', '2027-01-01', now, 'inter-account-transfer')).toBe('ok');
    // The treasury's record of a payment made on 31 December, and corrections, need no exception.
    expect(post('pay', '2026-12-31', now)).toBe('ok');
    expect(post('correct', '2027-01-01', now)).toBe('ok');
  });

  it('20 Jan: the last day of the exceptions', () => {
    expect(post('order', '2027-01-20', '2027-01-20T18:00:00+09:00', 'funds-not-granted')).toBe('ok');
  });

  it('21 Jan: only completion work (records of cash already moved, corrections, cancellations)', () => {
    const now = '2027-01-21T09:00:00+09:00';
    expect(post('order', '2027-01-21', now, 'funds-not-granted')).toBe('cash-closing-window-ended');
    expect(post('order', '2027-01-20', now, 'funds-not-granted')).toBe('cash-closing-window-ended');
    expect(post('pay', '2027-01-20', now, 'funds-not-granted')).toBe('ok');
    expect(post('pay', '2027-01-21', now, 'funds-not-granted')).toBe('cash-closing-window-ended');
    expect(post('cancel', '2027-01-21', now)).toBe('ok');
  });

  it('10 Feb is the last day of completion; from 11 Feb the year is locked', () => {
    expect(post('correct', '2027-02-10', '2027-02-10T23:59:00+09:00')).toBe('ok');
    expect(post('correct', '2027-02-10', '2027-02-11T00:00:00+09:00')).toBe('fiscal-year-locked');
    expect(post('pay', '2026-12-31', '2027-02-11T09:00:00+09:00')).toBe('fiscal-year-locked');
  });

  it('names the window and the rule', () => {
    expect(postingWindowRefusal({ year: 2026, kind: 'commit', date: '2027-01-05' }, at('2027-01-05T10:00:00+09:00'))).toMatchObject({
      kind: 'unprocessable',
      code: 'cash-books-closed',
      context: { window: 'exception-window', rule: '지방회계법 제7조제1항; 회계령 제3조, 제34조', year: 2026 },
    });
    expect(postingWindowRefusal({ year: 2026, kind: 'commit', date: '2025-12-31' }, at('2026-11-30T10:00:00+09:00'))?.code).toBe(
      'wrong-year',
    );
  });
});

describe('the fiscal year of an assessment or commitment follows from its category (회계령 제2조)', () => {
  it('an assessment belongs to the year of its due date unless it says otherwise', () => {
    expect(attributionRefusal(2026, { kind: 'assess', dueDate: '2026-12-31' })).toBeUndefined();
    expect(attributionRefusal(2026, { kind: 'assess', dueDate: '2027-03-31' })).toMatchObject({
      code: 'attribution-year-mismatch',
      context: { rule: '회계령 제2조제1항제1호', attributedYear: 2027, year: 2026 },
    });
    // The due date before an extension decides (제19조제4항·제5항).
    expect(
      attributionRefusal(2026, { kind: 'assess', dueDate: '2027-01-04', attribution: { category: 'due-date', date: '2026-12-31' } }),
    ).toBeUndefined();
    expect(attributionRefusal(2026, { kind: 'assess', dueDate: '2027-03-31', attribution: { category: 'budget-year' } })).toBeUndefined();
  });

  it('each expenditure category takes the date it names', () => {
    expect(attributionRefusal(2026, { kind: 'commit' })).toBeUndefined();
    expect(attributionRefusal(2026, { kind: 'commit', attribution: { category: 'fact-date' } })?.code).toBe('attribution-date-required');
    expect(attributionRefusal(2026, { kind: 'commit', attribution: { category: 'fact-date', date: '2027-01-03' } })?.code).toBe(
      'attribution-year-mismatch',
    );
    expect(
      attributionRefusal(2026, { kind: 'commit', attribution: { category: 'claim-received-date', date: '2026-12-30' } }),
    ).toBeUndefined();
    expect(attributionRefusal(2026, { kind: 'commit', attribution: { category: 'budget-year', date: '2026-12-30' } })?.code).toBe(
      'attribution-date-not-applicable',
    );
  });
});
