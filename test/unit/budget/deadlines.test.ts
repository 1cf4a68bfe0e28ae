import { describe, expect, it } from 'vitest';
import { deadlineWarning, koreanDate, quarterlyReportDue, statutoryDeadlines } from '#shared/domain/budget/deadlines.ts';

describe('statutory budget deadlines', () => {
  it('puts a 시·도 at 50/15 days and a 시·군·구 at 40/10 days before 1 January', () => {
    expect(statutoryDeadlines('metropolitan', 2027)).toEqual({ submitBy: '2026-11-12', resolveBy: '2026-12-17' });
    expect(statutoryDeadlines('basic', 2027)).toEqual({ submitBy: '2026-11-22', resolveBy: '2026-12-22' });
  });

  it('counts across a leap day', () => {
    expect(statutoryDeadlines('metropolitan', 2025)).toEqual({ submitBy: '2024-11-12', resolveBy: '2024-12-17' });
  });

  it('judges the Korean calendar date: 15:00 UTC on the deadline is already the next day in Seoul', () => {
    expect(koreanDate('2026-11-22T14:59:59.000Z')).toBe('2026-11-22');
    expect(deadlineWarning('submit', 'basic', 2027, '2026-11-22T14:59:59.000Z')).toBeUndefined();
    expect(deadlineWarning('submit', 'basic', 2027, '2026-11-22T15:00:00.000Z')).toEqual({
      code: 'late-submission',
      detail: 'the 2027 budget was submitted to the council on 2026-11-23, after the statutory date 2026-11-22',
      deadline: '2026-11-22',
      actual: '2026-11-23',
    });
  });

  it('warns about a late resolution separately', () => {
    expect(deadlineWarning('resolve', 'metropolitan', 2027, '2026-12-17T10:00:00.000Z')).toBeUndefined();
    expect(deadlineWarning('resolve', 'metropolitan', 2027, '2026-12-18T01:00:00.000Z')?.code).toBe('late-resolution');
  });
});

describe('the quarterly report of 전용 and 이체 to the council (지방재정법 §49③, §47의2②)', () => {
  it('is due by the last day of the month after the quarter ends, the fourth quarter in January of the next year', () => {
    expect([1, 2, 3, 4].map((quarter) => quarterlyReportDue(2026, quarter))).toEqual([
      '2026-04-30',
      '2026-07-31',
      '2026-10-31',
      '2027-01-31',
    ]);
  });
});
