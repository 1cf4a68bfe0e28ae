import type { SQSClient } from '@aws-sdk/client-sqs';

/** SQS requests by command, summed by a middleware on each metered client. */
export interface SqsUsage {
  readonly requests: Record<string, number>;
}

const NAME = 'benchSqsUsage';

export function meterSqs(clients: readonly SQSClient[]): { readonly usage: SqsUsage; detach(): void } {
  const usage: SqsUsage = { requests: {} };
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName ?? 'unknown');
        usage.requests[command] = (usage.requests[command] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: NAME },
    );
  }
  return {
    usage,
    detach: () => {
      for (const client of clients) client.middlewareStack.remove(NAME);
    },
  };
}

/**
 * Requests a deployment is billed for: sends, receives (empty ones included: the event source
 * mapping pays for them too) and deletes. GetQueueAttributes is the bench's own drain polling.
 */
export function billedSqsRequests(usage: SqsUsage): number {
  return Object.entries(usage.requests)
    .filter(([command]) => command !== 'GetQueueAttributesCommand')
    .reduce((sum, [, count]) => sum + count, 0);
}
