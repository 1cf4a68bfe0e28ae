import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import type { EmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';

let runs = 0;

/**
 * A fresh in-memory embedded stack (DynamoDB, SQS, S3 on 127.0.0.1, in this process) for one
 * piece of work, with this process's handlers pointed at it; stopped afterwards, so that one
 * section's data never slows the next.
 */
export async function withEmbeddedStack<T>(work: (stack: EmbeddedStack) => Promise<T>): Promise<T> {
  runs += 1;
  const stack = await startEmbeddedStack({ prefix: `bench${runs}-` });
  try {
    return await work(stack);
  } finally {
    resetClients();
    await stack.stop();
  }
}
