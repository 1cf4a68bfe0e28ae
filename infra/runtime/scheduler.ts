import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { now } from '#shared/clock.ts';
import { region } from '#shared/config/env.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { parseCron } from '#infra/runtime/cron.ts';
import type { EventBridgeCron } from '#infra/runtime/cron.ts';
import { loadHandler } from '#infra/runtime/handler-loader.ts';
import { invokeInScope } from '#infra/runtime/invocation-scope.ts';
import { functionNameOf, lambdaContext } from '#infra/runtime/lambda-context.ts';
import { runtimeLogger } from '#infra/runtime/runtime-logger.ts';

/** Lambda's maximum timeout: scheduled jobs get the most a Lambda could have. */
const JOB_TIMEOUT_MS = 15 * 60 * 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The event a schedule's target receives: an EventBridge scheduled event whose detail is the schedule's input. */
export function scheduledEvent(
  schedule: ScheduleDeclaration,
  detail: Readonly<Record<string, unknown>>,
  time: Date = now(),
): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: '000000000000',
    time: time.toISOString(),
    region: region(),
    resources: [`arn:aws:scheduler:${region()}:000000000000:schedule/default/${schedule.name}`],
    detail: { ...schedule.input, ...detail },
  };
}

/** Runs one schedule's handler now, as `npm run job` and the timer do. */
export async function runJob(schedule: ScheduleDeclaration, detail: Readonly<Record<string, unknown>> = {}, time?: Date): Promise<unknown> {
  const handler = await loadHandler(schedule.handler);
  const context = lambdaContext({ functionName: functionNameOf(schedule.handler), timeoutMs: JOB_TIMEOUT_MS });
  runtimeLogger.info('job started', { schedule: schedule.name, requestId: context.awsRequestId });
  const result = await invokeInScope(handler, scheduledEvent(schedule, detail, time), context);
  runtimeLogger.info('job finished', { schedule: schedule.name, requestId: context.awsRequestId });
  return result;
}

export interface Scheduler {
  /** Next fire time of each schedule, for the start banner. */
  readonly upcoming: () => { readonly name: string; readonly at: Date | undefined }[];
  /** Stops the timers and waits for jobs already running. */
  stop(): Promise<void>;
  /** Holds jobs that come due (they run at `resume`) and waits for the jobs already running. */
  pause(): Promise<void>;
  resume(): void;
}

/**
 * Arms one timer per schedule, in the declared time zone, on the business clock (`shared/clock.ts`:
 * with HOJO_CLOCK the schedules fire as they would from that moment on); a job that fails is
 * logged and fires again next time.
 */
export function startScheduler(schedules: readonly ScheduleDeclaration[], timeZone: string): Scheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  const nextRuns = new Map<string, Date | undefined>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const executing = new Set<Promise<unknown>>();
  let held: { resumed: Promise<void>; resume: () => void } | undefined;

  const arm = (schedule: ScheduleDeclaration, cron: EventBridgeCron, after: Date) => {
    const next = cron.nextRunAfter(after);
    nextRuns.set(schedule.name, next);
    if (!next || stopped) return;
    const timer = setTimeout(
      () => {
        if (now().getTime() < next.getTime()) return arm(schedule, cron, after);
        const job = Promise.resolve()
          .then(async () => {
            while (held) await held.resumed;
            if (stopped) return;
            const execution = runJob(schedule, {}, next).finally(() => executing.delete(execution));
            executing.add(execution);
            return execution;
          })
          .catch((error: unknown) => runtimeLogger.error('job failed', { schedule: schedule.name, error: error as Error }))
          .finally(() => running.delete(job));
        running.add(job);
        arm(schedule, cron, next);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now().getTime())),
    );
    timer.unref();
    timers.set(schedule.name, timer);
  };

  const resume = () => {
    held?.resume();
    held = undefined;
  };

  for (const schedule of schedules) arm(schedule, parseCron(schedule.cron, timeZone), now());

  return {
    upcoming: () => schedules.map((s) => ({ name: s.name, at: nextRuns.get(s.name) })),
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      resume();
      await Promise.all([...running]);
    },
    async pause() {
      if (!held) {
        let resume = () => {};
        const resumed = new Promise<void>((resolve) => {
          resume = resolve;
        });
        held = { resumed, resume };
      }
      // Jobs that came due before the pause finish; those after it wait for `resume`.
      await Promise.allSettled([...executing]);
    },
    resume,
  };
}
