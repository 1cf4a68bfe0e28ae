/**
 * Progress of a closing fanned out one message per government (settlement/start-closing): done
 * = the government's closing progress says `done`; failed = its message reached the settlement
 * dead-letter queue (after the queue's maxReceiveCount deliveries).
 */
import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '#shared/clients/sqs.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { listProgress } from '#shared/stores/settlement/progress.ts';

export interface ClosingTarget {
  readonly kind: string;
  readonly period: string;
  readonly govs: readonly string[];
}

export interface ClosingProgressReport {
  readonly total: number;
  readonly done: readonly string[];
  readonly failed: readonly string[];
}

/** The governments a closing job's detail addresses, as start-closing computes them. */
export async function closingGovernments(detail: Readonly<Record<string, unknown>>): Promise<string[]> {
  if (Array.isArray(detail.govs)) return detail.govs.map(String);
  if (typeof detail.gov === 'string') return [detail.gov];
  return (await listGovernments()).map((g) => g.code).sort();
}

const yearOf = (period: string): number => Number(period.slice(0, 4));

export async function closingProgress(target: ClosingTarget, deadLetterQueueUrl: string | undefined): Promise<ClosingProgressReport> {
  const done: string[] = [];
  const year = yearOf(target.period);
  for (let i = 0; i < target.govs.length; i += 16) {
    const slice = target.govs.slice(i, i + 16);
    const progress = await Promise.all(slice.map((gov) => listProgress(gov, year)));
    slice.forEach((gov, n) => {
      if (progress[n]?.some((p) => p.kind === target.kind && p.period === target.period && p.status === 'done')) done.push(gov);
    });
  }
  const failed = deadLetterQueueUrl ? (await deadLettered(deadLetterQueueUrl, target)).filter((gov) => !done.includes(gov)) : [];
  return { total: target.govs.length, done, failed };
}

/** Governments whose message for this closing is in the DLQ (read with visibility 0: left in place). */
async function deadLettered(queueUrl: string, target: ClosingTarget): Promise<string[]> {
  const { Attributes } = await sqsClient().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  if (Number(Attributes?.ApproximateNumberOfMessages ?? 0) === 0) return [];
  const govs = new Set<string>();
  for (let round = 0; round < 30; round++) {
    const { Messages = [] } = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) {
      try {
        const body = JSON.parse(message.Body ?? '{}') as { gov?: string; kind?: string; period?: string };
        if (body.gov && body.kind === target.kind && body.period === target.period) govs.add(body.gov);
      } catch {
        // not a closing message
      }
    }
  }
  return [...govs].sort();
}

export interface WatchOptions {
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Where progress goes; a TTY gets one updating line. */
  readonly out?: NodeJS.WriteStream;
  /** Stops watching early (a standalone run whose queue drain has finished). */
  readonly settled?: () => boolean;
}

/** Polls until every government is done or failed (or the timeout); prints n of N and failures by name. */
export async function watchClosing(
  target: ClosingTarget,
  deadLetterQueueUrl: string | undefined,
  options: WatchOptions = {},
): Promise<ClosingProgressReport> {
  const out = options.out ?? process.stderr;
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let last = '';
  for (;;) {
    const report = await closingProgress(target, deadLetterQueueUrl);
    const line = `${target.kind} ${target.period}: ${report.done.length} of ${report.total} governments closed${
      report.failed.length ? `, ${report.failed.length} failed (${report.failed.join(', ')})` : ''
    }`;
    if (line !== last) {
      out.write(out.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
      last = line;
    }
    const finished = report.done.length + report.failed.length >= report.total;
    if (finished || Date.now() > deadline || options.settled?.()) {
      if (out.isTTY) out.write('\n');
      if (!finished) out.write(`stopped watching: ${report.total - report.done.length - report.failed.length} closing(s) still running\n`);
      return report;
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 1_000));
  }
}
