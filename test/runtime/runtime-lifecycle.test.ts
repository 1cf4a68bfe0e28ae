import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { queues } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import { startRuntime } from '#infra/runtime/runtime.ts';
import { runJob, startScheduler } from '#infra/runtime/scheduler.ts';
import { consumerState, setBehaviour } from '#test/runtime/fixtures/test-consumer.ts';
import { jobEvents } from '#test/runtime/fixtures/test-job.ts';

const stack = await useTestStack();
const sqs = runtimeSqsClient();

const testJob: ScheduleDeclaration = {
  name: 'test-closing',
  description: 'fixture',
  cron: 'cron(0 1 * * ? *)',
  handler: 'test/runtime/fixtures/test-job.ts',
  input: { kind: 'daily' },
};

describe('runtime lifecycle', () => {
  it('polls the declared queues, and stop() finishes the batch in flight before resolving', async () => {
    const declaration = { ...queues.settlement, visibilityTimeoutSeconds: 5 };
    const { QueueUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: `${stack.prefix}lifecycle`, Attributes: { VisibilityTimeout: '5' } }),
    );
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    setBehaviour(async () => {
      await released;
      finished = true;
    });
    const runtime = await startRuntime({
      port: 0,
      routes,
      queues: [{ queueUrl: QueueUrl, declaration, handler: 'test/runtime/fixtures/test-consumer.ts' }],
      runSchedules: false,
      waitTimeSeconds: 1,
    });
    expect([...runtime.pollers.keys()]).toEqual([declaration.name]);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '{"gov":"11110"}' }));
    await vi.waitFor(() => expect(consumerState().invocations).toHaveLength(1), { timeout: 10_000, interval: 20 });

    let stopped = false;
    const stopping = runtime.stop().then(() => {
      stopped = true;
    });
    // New connections are refused at once, while the batch is still running.
    await vi.waitFor(() => expect(fetch(`${runtime.url}/health`)).rejects.toThrow(), { timeout: 5_000, interval: 20 });
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('fails fast when a declared queue has no URL in the environment', async () => {
    await expect(startRuntime({ port: 0, env: { ...process.env, POSTING_QUEUE_URL: '' }, runSchedules: false })).rejects.toThrow(
      /POSTING_QUEUE_URL/,
    );
  });
});

describe('schedules', () => {
  it('`npm run job` runs the handler at once with a scheduled event whose detail is the input plus the arguments', async () => {
    jobEvents().length = 0;
    const result = (await runJob(testJob, { gov: '11110', year: 2025 })) as { ran: unknown; remainingMs: number };
    expect(result.ran).toEqual({ kind: 'daily', gov: '11110', year: 2025 });
    expect(result.remainingMs).toBeGreaterThan(14 * 60 * 1000);
    expect(jobEvents()[0]).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      resources: [expect.stringMatching(/schedule\/default\/test-closing$/)],
    });
  });

  it('the scheduler fires at the next Seoul time of the cron, with that time in the event, and re-arms', async () => {
    jobEvents().length = 0;
    // The scheduler runs on the business clock; here the faked Date is that clock.
    const restoreClock = setClock('');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(new Date('2025-03-03T15:59:59.000Z')); // 00:59:59 KST
      const scheduler = startScheduler([testJob], 'Asia/Seoul');
      expect(scheduler.upcoming()[0]?.at?.toISOString()).toBe('2025-03-03T16:00:00.000Z');
      await vi.advanceTimersByTimeAsync(999);
      expect(jobEvents()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(jobEvents()).toHaveLength(1));
      expect(jobEvents()[0]?.time).toBe('2025-03-03T16:00:00.000Z');
      expect(scheduler.upcoming()[0]?.at?.toISOString()).toBe('2025-03-04T16:00:00.000Z');
      await scheduler.stop();
    } finally {
      vi.useRealTimers();
      restoreClock();
    }
  });
});
