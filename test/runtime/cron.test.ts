import { describe, expect, it } from 'vitest';
import { schedules, scheduleTimeZone } from '#shared/schedules.ts';
import { cronerPattern, parseCron } from '#infra/runtime/cron.ts';

const SEOUL = 'Asia/Seoul';
const next = (expression: string, after: string, zone = SEOUL) => parseCron(expression, zone).nextRunAfter(new Date(after))?.toISOString();

describe('EventBridge cron in Asia/Seoul', () => {
  it('fires at the Seoul wall-clock time (UTC+9)', () => {
    // 01:00 KST every day = 16:00 UTC the day before.
    expect(next('cron(0 1 * * ? *)', '2025-03-03T00:00:00Z')).toBe('2025-03-03T16:00:00.000Z');
    expect(next('0 1 * * ? *', '2025-03-03T16:00:00Z')).toBe('2025-03-04T16:00:00.000Z');
  });

  it('is strictly after the given instant', () => {
    expect(next('0/15 * * * ? *', '2025-03-03T00:15:00Z')).toBe('2025-03-03T00:30:00.000Z');
  });

  it('handles lists, ranges, steps and names', () => {
    // 09:30 KST on weekdays (MON-FRI = 2-6); 2025-03-08 is a Saturday.
    expect(next('30 9 ? * MON-FRI *', '2025-03-07T01:00:00Z')).toBe('2025-03-10T00:30:00.000Z');
    expect(next('0 0 1 JAN,JUL ? *', '2025-03-01T00:00:00Z')).toBe('2025-06-30T15:00:00.000Z');
    expect(next('0 8-18/5 * * ? *', '2025-03-03T00:00:00Z')).toBe('2025-03-03T04:00:00.000Z');
  });

  it('L: the last day of the month, leap years included', () => {
    expect(next('0 23 L * ? *', '2024-02-01T00:00:00Z')).toBe('2024-02-29T14:00:00.000Z');
    expect(next('0 23 L * ? *', '2025-02-01T00:00:00Z')).toBe('2025-02-28T14:00:00.000Z');
  });

  it('year-end closing: 31 December 23:59 KST, and the year field limits it', () => {
    expect(next('59 23 31 12 ? 2025-2026', '2025-06-01T00:00:00Z')).toBe('2025-12-31T14:59:00.000Z');
    expect(next('59 23 31 12 ? 2025', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('n#k and nL in day-of-week', () => {
    // Second Tuesday of March 2025 = 11 March; last Friday = 28 March.
    expect(next('0 10 ? 3 3#2 *', '2025-03-01T00:00:00Z')).toBe('2025-03-11T01:00:00.000Z');
    expect(next('0 10 ? 3 6L *', '2025-03-01T00:00:00Z')).toBe('2025-03-28T01:00:00.000Z');
  });

  it('W: the weekday nearest the day, within the month', () => {
    // 15 March 2025 is a Saturday: Friday 14 March; 1 March 2025 is a Saturday too: Monday 3 March.
    expect(next('0 10 15W * ? *', '2025-03-01T00:00:00Z')).toBe('2025-03-14T01:00:00.000Z');
    expect(next('0 10 1W * ? *', '2025-02-28T00:00:00Z')).toBe('2025-03-03T01:00:00.000Z');
  });

  it('numbers days of the week 1 (SUN) to 7 (SAT), as EventBridge does', () => {
    // From Tuesday 4 March 2025 10:00 KST: the next Sunday is 9 March, the next Saturday 8 March.
    expect(next('0 10 ? * 1 *', '2025-03-04T01:00:00Z')).toBe('2025-03-09T01:00:00.000Z');
    expect(next('0 10 ? * 7 *', '2025-03-04T01:00:00Z')).toBe('2025-03-08T01:00:00.000Z');
  });

  it('translates to a croner pattern with seconds, * for ?, and n#L for nL', () => {
    expect(cronerPattern('cron(0 3 2 1 ? *)')).toBe('0 0 3 2 1 * *');
    expect(cronerPattern('0 10 ? 3 6L 2026')).toBe('0 0 10 * 3 6#L 2026');
  });

  it('rejects what EventBridge rejects', () => {
    expect(() => parseCron('0 1 * * *', SEOUL)).toThrow(/six fields/);
    expect(() => parseCron('0 1 * * * *', SEOUL)).toThrow(/exactly one/);
    expect(() => parseCron('0 1 ? * ? *', SEOUL)).toThrow(/exactly one/);
    expect(() => parseCron('61 1 * * ? *', SEOUL)).toThrow(/minute: 61/);
    expect(() => parseCron('0 1 ? * 0 *', SEOUL)).toThrow(/dayOfWeek/);
  });

  it('follows daylight saving time in zones that have it', () => {
    // 02:30 New York on 9 March 2025 does not exist (clocks jump 02:00 → 03:00); 10 March is EDT (UTC-4).
    expect(next('30 12 * * ? *', '2025-03-09T18:00:00Z', 'America/New_York')).toBe('2025-03-10T16:30:00.000Z');
  });
});

describe('the declared schedules', () => {
  /** For each schedule: [after, next run] pairs, worked out by hand in KST (UTC+9). */
  const expected: Record<string, [string, string][]> = {
    // 00:30 KST every day.
    'daily-closing': [
      ['2025-03-03T00:00:00Z', '2025-03-03T15:30:00.000Z'], // 3 Mar 09:00 KST → 4 Mar 00:30 KST
      ['2025-12-31T15:30:00Z', '2026-01-01T15:30:00.000Z'], // at 1 Jan 00:30 KST itself → the next day
    ],
    // 02:00 KST on the 1st of every month.
    'monthly-closing': [
      ['2025-03-03T00:00:00Z', '2025-03-31T17:00:00.000Z'], // → 1 Apr 02:00 KST
      ['2025-12-15T00:00:00Z', '2025-12-31T17:00:00.000Z'], // → 1 Jan 2026 02:00 KST
      ['2024-02-29T16:59:00Z', '2024-02-29T17:00:00.000Z'], // 1 Mar 01:59 KST → 02:00 the same day
    ],
    // The year-end reminder: 09:00 KST on 11 February, the day after 출납사무 완결.
    'year-end': [
      ['2025-03-03T00:00:00Z', '2026-02-11T00:00:00.000Z'], // → 11 Feb 2026 09:00 KST
      ['2026-02-11T00:00:00Z', '2027-02-11T00:00:00.000Z'], // at the run itself → a year later
    ],
    // The outbox sweep: every minute.
    'sweep-unqueued-postings': [
      ['2025-03-03T00:00:30Z', '2025-03-03T00:01:00.000Z'], // mid-minute → the next minute
      ['2025-12-31T14:59:00Z', '2025-12-31T15:00:00.000Z'], // at a run itself → a minute later, across 1 Jan KST
    ],
  };

  it('has an expectation for every declared schedule', () => {
    expect(Object.keys(expected).sort()).toEqual(schedules.map((schedule) => schedule.name).sort());
  });

  for (const schedule of schedules) {
    it(`${schedule.name} (${schedule.cron}) fires when expected`, () => {
      for (const [after, run] of expected[schedule.name] ?? []) expect(next(schedule.cron, after, scheduleTimeZone), after).toBe(run);
    });
  }
});
