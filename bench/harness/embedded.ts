import type { Engines } from '#infra/embedded/engines.ts';
import { startEngines } from '#infra/embedded/engines.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { startEnginesInChildProcess } from './engines-child.ts';

let runs = 0;

export interface StackOptions {
  /** Shards of the postings queue family. @default 1 (one queue: the sections that poll it as one) */
  readonly postingsShards?: number;
}

/** Where the engines run: a child process (default: a core of their own, as in production) or this process. */
export type EnginePlacement = 'child' | 'in-process';

/**
 * A fresh in-memory embedded stack (DynamoDB, SQS, S3 on 127.0.0.1) for one piece of work, with
 * this process's handlers pointed at it; stopped afterwards, so that one section's data never
 * slows the next. The engines run in a child process unless asked otherwise (HOJO_BENCH_ENGINES=in-process).
 */
export async function withEmbeddedStack<T>(
  work: (stack: { readonly env: Readonly<Record<string, string>>; readonly enginePid?: number }) => Promise<T>,
  placement: EnginePlacement = enginePlacement(),
  options: StackOptions = {},
): Promise<T> {
  runs += 1;
  // bulkLoad: the seeding door (bench/harness/bulk-load-client.ts) for fixtures a section does not measure.
  const engines: Engines & { readonly pid?: number } =
    placement === 'child' ? await startEnginesInChildProcess({ bulkLoad: true }) : await startEngines({ bulkLoad: true });
  try {
    const env = await provisionResources(engines.endpoints, `bench${runs}-`, { shards: options.postingsShards ?? 1 });
    await seedRegistry(env);
    return await work({ env, ...(engines.pid === undefined ? {} : { enginePid: engines.pid }) });
  } finally {
    resetClients();
    await engines.stop();
  }
}

export function enginePlacement(): EnginePlacement {
  return process.env.HOJO_BENCH_ENGINES === 'in-process' ? 'in-process' : 'child';
}
