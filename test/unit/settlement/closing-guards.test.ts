import { describe, expect, it } from 'vitest';
import {
  adjustmentsPendingRefusal,
  closingTimeRefusal,
  earlierPeriodsOpen,
  periodsBefore,
} from '#shared/domain/settlement/closing-guards.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';

const at = (iso: string) => new Date(iso);

describe('closings that cannot run by mistake', () => {
  it('holds the year-end (only) while a 결산정리분개 in parts is pending', () => {
    expect(adjustmentsPendingRefusal(periodOf('year-end', '2026'), ['depreciation'])).toMatchObject({
      kind: 'conflict',
      code: 'adjustment-pending',
      context: { year: 2026, pendingKinds: ['depreciation'] },
    });
    expect(adjustmentsPendingRefusal(periodOf('year-end', '2026'), [])).toBeUndefined();
    expect(adjustmentsPendingRefusal(periodOf('monthly', '2026-12'), ['depreciation'])).toBeUndefined();
  });

  it('closes a day once it has ended in Korea', () => {
    const day = periodOf('daily', '2026-11-30');
    expect(closingTimeRefusal(day, at('2026-11-30T23:59:00+09:00'))?.code).toBe('period-not-ended');
    expect(closingTimeRefusal(day, at('2026-12-01T00:00:00+09:00'))).toBeUndefined();
  });

  it('refuses the year-end until 10 February of the next year has passed', () => {
    const year = periodOf('year-end', '2026');
    expect(closingTimeRefusal(year, at('2026-11-30T12:00:00+09:00'))?.code).toBe('period-not-ended');
    expect(closingTimeRefusal(year, at('2027-01-02T03:00:00+09:00'))).toMatchObject({
      code: 'year-end-before-completion',
      context: { rule: '지방회계법 제7조제3항 (출납사무 완결기한)', completionDate: '2027-02-10' },
    });
    expect(closingTimeRefusal(year, at('2027-02-10T23:59:00+09:00'))?.code).toBe('year-end-before-completion');
    expect(closingTimeRefusal(year, at('2027-02-11T00:00:00+09:00'))).toBeUndefined();
  });

  it('closes days before their month and months before their year, naming the open ones', () => {
    const month = periodOf('monthly', '2026-02');
    expect(periodsBefore(month).map((p) => p.id)).toHaveLength(28);
    const closed = new Set(periodsBefore(month).map((p) => p.id));
    closed.delete('2026-02-14');
    expect(earlierPeriodsOpen(month, closed)).toMatchObject({ code: 'earlier-periods-open', context: { open: ['2026-02-14'] } });
    expect(earlierPeriodsOpen(month, new Set([...closed, '2026-02-14']))).toBeUndefined();
    const year = periodOf('year-end', '2026');
    // Eleven months of 2026, then its 출납정리 months dated in 2027 (지방회계법 제7조).
    expect(earlierPeriodsOpen(year, new Set(['2026-01']))?.context?.open).toHaveLength(13);
    expect(periodsBefore(year).slice(12)).toMatchObject([
      { id: '2027-01', year: 2026, firstDay: '2027-01-01', lastDay: '2027-01-31' },
      { id: '2027-02', year: 2026, firstDay: '2027-02-01', lastDay: '2027-02-10' },
    ]);
    // The 출납정리 February closes after its ten days.
    expect(periodsBefore(periodsBefore(year)[13]!).map((p) => [p.id, p.year])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`2027-02-${String(i + 1).padStart(2, '0')}`, 2026]),
    );
    expect(earlierPeriodsOpen(periodOf('daily', '2026-02-14'), new Set())).toBeUndefined();
  });
});
