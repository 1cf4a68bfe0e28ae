import { describe, expect, it } from 'vitest';
import {
  deadlineWarning,
  koreanDate,
  quarterlyReportDateRefusal,
  quarterlyReportDue,
  quarterlyReportStatus,
  statutoryDeadlines,
} from '#shared/domain/budget/deadlines.ts';

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

describe('the quarterly report of 전용/이체 to the council (지방재정법 §49③, §47의2②)', () => {
  // dueBy of 2026 Q3 is 2026-10-31
  it.each([
    ['submitted on time', '2026-10-20', '2026-11-30', { status: 'submitted', late: false }],
    ['submitted on the due day', '2026-10-31', '2026-11-30', { status: 'submitted', late: false }],
    ['submitted late', '2026-11-05', '2026-11-30', { status: 'submitted', late: true }],
    ['not submitted, due day not passed', undefined, '2026-10-31', { status: 'due', late: false }],
    ['not submitted, due day passed', undefined, '2026-11-01', { status: 'overdue', late: true }],
  ] as const)('%s', (_case, submittedOn, today, expected) => {
    expect(quarterlyReportStatus('2026-10-31', submittedOn, today)).toEqual(expected);
  });

  // 2026 Q3 ends 2026-09-30; today 2026-11-30
  it.each([
    ['on the quarter’s last day', '2026-09-30', 'quarterly-report-date'],
    ['inside the quarter', '2026-08-01', 'quarterly-report-date'],
    ['the day after the quarter', '2026-10-01', undefined],
    ['today', '2026-11-30', undefined],
    ['tomorrow', '2026-12-01', 'quarterly-report-date'],
  ] as const)('a report submitted %s', (_case, submittedOn, code) => {
    const refused = quarterlyReportDateRefusal(2026, 3, submittedOn, '2026-11-30');
    expect(refused?.code).toBe(code);
    if (refused) expect(refused.context).toMatchObject({ quarterEnds: '2026-09-30', today: '2026-11-30', submittedOn });
  });
});
