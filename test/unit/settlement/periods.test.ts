import { describe, expect, it } from 'vitest';
import { dayThrough, lastCompletedPeriod, parsePeriod, parsePeriodOfYear } from '#shared/domain/settlement/periods.ts';

describe('closing periods', () => {
  it('parses real days, months and years only', () => {
    expect(parsePeriod('daily', '2024-02-29')).toMatchObject({ firstDay: '2024-02-29', lastDay: '2024-02-29', year: 2024 });
    expect(parsePeriod('daily', '2025-02-29')).toBeUndefined();
    expect(parsePeriod('monthly', '2025-02')).toMatchObject({ firstDay: '2025-02-01', lastDay: '2025-02-28' });
    expect(parsePeriod('monthly', '2025-13')).toBeUndefined();
    expect(parsePeriod('year-end', '2025')).toMatchObject({ firstDay: '2025-01-01', lastDay: '2025-12-31' });
  });

  it('closes the last completed Korean day, month and year', () => {
    // 2026-01-01 00:30 in Seoul is still 2025-12-31 in UTC.
    const now = new Date('2025-12-31T15:30:00Z');
    expect(lastCompletedPeriod('daily', now).id).toBe('2025-12-31');
    expect(lastCompletedPeriod('monthly', now).id).toBe('2025-12');
    expect(lastCompletedPeriod('year-end', now).id).toBe('2025');
    expect(lastCompletedPeriod('daily', new Date('2026-03-01T00:00:00Z')).id).toBe('2026-02-28');
  });

  it('counts a 출납정리 day of the old year from its 1 January, never the days of the new year', () => {
    const day = parsePeriodOfYear('daily', '2027-01-15', 2026)!;
    expect(day).toMatchObject({ year: 2026, firstDay: '2027-01-15', lastDay: '2027-01-15' });
    expect(['2026-01-01', '2026-12-31', '2027-01-15'].map((d) => dayThrough(d, day))).toEqual([true, true, true]);
    expect(['2025-12-31', '2027-01-16'].map((d) => dayThrough(d, day))).toEqual([false, false]);
    // The new year's own 15 January counts from 1 January 2027 only.
    const own = parsePeriodOfYear('daily', '2027-01-15', 2027)!;
    expect(['2026-12-31', '2027-01-01', '2027-01-15'].map((d) => dayThrough(d, own))).toEqual([false, true, true]);
  });
});
