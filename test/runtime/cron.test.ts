import { describe, expect, it } from 'vitest';
import { nextFireTime, parseCron } from '#infra/runtime/cron.ts';

const SEOUL = 'Asia/Seoul';
const next = (expression: string, after: string, zone = SEOUL) => nextFireTime(parseCron(expression), new Date(after), zone)?.toISOString();

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

  it('rejects what EventBridge rejects or what is not supported', () => {
    expect(() => parseCron('0 1 * * *')).toThrow(/six fields/);
    expect(() => parseCron('0 1 * * * *')).toThrow(/exactly one/);
    expect(() => parseCron('0 1 ? * ? *')).toThrow(/exactly one/);
    expect(() => parseCron('61 1 * * ? *')).toThrow(/range/);
    expect(() => parseCron('0 1 15W * ? *')).toThrow(/not supported/);
  });

  it('follows daylight saving time in zones that have it', () => {
    // 02:30 New York on 9 March 2025 does not exist (clocks jump 02:00 → 03:00); 10 March is EDT (UTC-4).
    expect(next('30 12 * * ? *', '2025-03-09T18:00:00Z', 'America/New_York')).toBe('2025-03-10T16:30:00.000Z');
  });
});
