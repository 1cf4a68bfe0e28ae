import { Cron } from 'croner';

/**
 * An EventBridge cron expression (six fields: minutes hours day-of-month month day-of-week year,
 * optionally wrapped in `cron(...)`), evaluated in a time zone by croner.
 */
export interface EventBridgeCron {
  readonly expression: string;
  /** The first instant strictly after `after` at which it fires; undefined once it never fires again. */
  nextRunAfter(after: Date): Date | undefined;
}

export function parseCron(expression: string, timeZone: string): EventBridgeCron {
  const pattern = cronerPattern(expression);
  let cron: Cron;
  try {
    cron = new Cron(pattern, {
      timezone: timeZone,
      mode: '7-part',
      // EventBridge numbers days of the week 1 (SUN) to 7 (SAT), as Quartz does.
      alternativeWeekdays: true,
      // EventBridge accepts a start and a step without an end (0/15).
      sloppyRanges: true,
      // One of the two day fields is always `?` (croner's `*`), so AND is what EventBridge means.
      domAndDow: true,
    });
  } catch (error) {
    throw new Error(`cron "${expression}": ${(error as Error).message}`);
  }
  return { expression, nextRunAfter: (after) => cron.nextRun(after) ?? undefined };
}

/**
 * The croner pattern of an EventBridge expression: EventBridge's own rules are checked here (six
 * fields, exactly one of the day fields `?`); croner checks the values. Croner has a seconds
 * field where EventBridge fires at second 0, reads `?` as `*`, and writes EventBridge's
 * last-weekday-of-the-month `6L` as `6#L`; `L`, `W` and `n#k` are the same in both.
 */
export function cronerPattern(expression: string): string {
  const inner = /^cron\((.*)\)$/.exec(expression.trim())?.[1] ?? expression;
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron "${expression}" must have six fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if ((dayOfMonth === '?') === (dayOfWeek === '?'))
    throw new Error(`cron "${expression}": exactly one of day-of-month and day-of-week must be ?`);
  const anyDay = (field: string) => (field === '?' ? '*' : field);
  return ['0', minute, hour, anyDay(dayOfMonth), month, anyDay(dayOfWeek).replace(/^(\w+)L$/, '$1#L'), year].join(' ');
}
