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

export const schedules: readonly ScheduleDeclaration[] = [];
