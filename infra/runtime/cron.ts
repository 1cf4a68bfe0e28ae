/**
 * EventBridge cron expressions (six fields: minutes hours day-of-month month day-of-week year),
 * evaluated in a time zone. Supported: numbers, names (JAN, MON), `*`, `?`, lists, ranges,
 * steps, `L` in day-of-month, `nL` (last weekday n of the month) and `n#k` in day-of-week.
 */
export interface Cron {
  readonly expression: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly years: ReadonlySet<number> | 'any';
  readonly dayMatches: (year: number, month: number, day: number) => boolean;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function parseCron(expression: string): Cron {
  const inner = /^cron\((.*)\)$/.exec(expression.trim())?.[1] ?? expression;
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron "${expression}" must have six fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if ((dayOfMonth === '?') === (dayOfWeek === '?'))
    throw new Error(`cron "${expression}": exactly one of day-of-month and day-of-week must be ?`);
  return {
    expression,
    minutes: values(minute, 0, 59),
    hours: values(hour, 0, 23),
    months: values(month, 1, 12, MONTH_NAMES, 1),
    years: year === '*' ? 'any' : values(year, 1970, 2199),
    dayMatches: dayOfMonth === '?' ? dayOfWeekMatcher(dayOfWeek) : dayOfMonthMatcher(dayOfMonth),
  };
}

/** The first instant strictly after `after` at which the cron fires, or undefined within five years. */
export function nextFireTime(cron: Cron, after: Date, timeZone: string): Date | undefined {
  const start = wallClock(after, timeZone);
  for (let offset = 0; offset < 366 * 5; offset += 1) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    if (cron.years !== 'any' && !cron.years.has(y)) continue;
    if (!cron.months.has(m) || !cron.dayMatches(y, m, d)) continue;
    for (const hour of sorted(cron.hours)) {
      for (const minute of sorted(cron.minutes)) {
        const instant = fromWallClock({ year: y, month: m, day: d, hour, minute }, timeZone);
        if (instant.getTime() > after.getTime()) return instant;
      }
    }
  }
  return undefined;
}

function values(field: string, min: number, max: number, names: readonly string[] = [], nameBase = 0): Set<number> {
  const result = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let [low, high] = [min, max];
    if (range !== '*') {
      const [from = '', to] = range.split('-');
      low = number(from, names, nameBase);
      high = to === undefined ? (stepText === undefined ? low : max) : number(to, names, nameBase);
    }
    if (!Number.isInteger(step) || step < 1 || low < min || high > max || low > high)
      throw new Error(`cron field "${field}" is out of range ${min}-${max}`);
    for (let value = low; value <= high; value += step) result.add(value);
  }
  return result;
}

function number(text: string, names: readonly string[], nameBase: number): number {
  const named = names.indexOf(text.toUpperCase());
  if (named !== -1) return named + nameBase;
  if (!/^\d+$/.test(text)) throw new Error(`cron value "${text}" is not supported`);
  return Number(text);
}

function dayOfMonthMatcher(field: string): Cron['dayMatches'] {
  if (field === 'L') return (y, m, d) => d === daysInMonth(y, m);
  const days = values(field, 1, 31);
  return (_y, _m, d) => days.has(d);
}

/** EventBridge numbers days of the week 1 (SUN) to 7 (SAT). */
function dayOfWeekMatcher(field: string): Cron['dayMatches'] {
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const weekday = number(nth[1] ?? '', DAY_NAMES, 1);
    return (y, m, d) => weekdayOf(y, m, d) === weekday && Math.ceil(d / 7) === Number(nth[2]);
  }
  const last = /^(\w+)L$/.exec(field);
  if (last) {
    const weekday = number(last[1] ?? '', DAY_NAMES, 1);
    return (y, m, d) => weekdayOf(y, m, d) === weekday && d + 7 > daysInMonth(y, m);
  }
  const days = values(field, 1, 7, DAY_NAMES, 1);
  return (y, m, d) => days.has(weekdayOf(y, m, d));
}

const weekdayOf = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

/** The instant a wall-clock time names in the zone (offset taken at that instant; exact for fixed-offset zones like Asia/Seoul). */
function fromWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return wallMs - Math.floor(instant.getTime() / 60_000) * 60_000;
}
