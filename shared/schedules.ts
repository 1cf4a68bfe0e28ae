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
 * The closings. Daily and monthly fan out one message per government on the settlement queue and
 * close the last completed period: yesterday, last month. The year-end schedule only reminds: the
 * year closes after 10 February of the next year (지방회계법 제7조제3항), by the chief accountant.
 * The detail may name a period ({"period": "2026-03-05"}, {"year": 2026}) or governments
 * ({"govs": ["11110"]}); {"backfill": true} closes before its time (tests, data migration; audited).
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
    description:
      'reminder on 11 February: which governments have a complete last year (출납사무 완결, 10 Feb) still to close, and their open months. ' +
      'The year-end closing itself is the chief accountant’s act (POST …/settlement/{year}/closings) or `npm run job -- year-end --year N`',
    cron: '0 9 11 2 ? *',
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
