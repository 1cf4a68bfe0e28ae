/**
 * Scheduled jobs, declared once for EventBridge (CDK) and the local runtime's scheduler.
 * Cron expressions are EventBridge's six-field form, evaluated in Asia/Seoul.
 */
export interface ScheduleDeclaration {
  readonly name: string;
  readonly description: string;
  /** EventBridge Scheduler cron: minutes hours day-of-month month day-of-week year */
  readonly cron: string;
  /** Handler module under functions/ that the schedule invokes. */
  readonly handler: string;
  /** Fixed input passed as the event's detail. */
  readonly input?: Readonly<Record<string, unknown>>;
}

export const scheduleTimeZone = 'Asia/Seoul';

/**
 * The closings. Each one fans out one message per government on the settlement queue and closes
 * the last completed period: yesterday, last month, last fiscal year (출납폐쇄 is 31 December).
 * The detail may name a period ({"period": "2026-03-05"}) or governments ({"govs": ["11110"]}).
 */
export const schedules: readonly ScheduleDeclaration[] = [
  {
    name: 'daily-closing',
    description: '일계표 and cash reconciliation of yesterday; the day is closed to postings',
    cron: '30 0 * * ? *',
    handler: 'settlement/start-closing',
    input: { kind: 'daily' },
  },
  {
    name: 'monthly-closing',
    description: '합계잔액시산표 (trial balance) of last month; the month is closed to postings',
    cron: '0 2 1 * ? *',
    handler: 'settlement/start-closing',
    input: { kind: 'monthly' },
  },
  {
    name: 'year-end',
    description: '세입세출결산 and financial statements of last fiscal year; the year is closed, next year opened',
    cron: '0 3 2 1 ? *',
    handler: 'settlement/start-closing',
    input: { kind: 'year-end' },
  },
  {
    name: 'sweep-unqueued-postings',
    description: 'enqueues postings stored by the API but left off the queue by a crash (the outbox sweep)',
    cron: '* * * * ? *',
    handler: 'postings/sweep-unqueued',
  },
];
