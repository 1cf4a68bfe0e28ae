import type { Engines } from '#infra/embedded/engines.ts';
import { startEngines } from '#infra/embedded/engines.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { startEnginesInChildProcess } from './engines-child.ts';

let runs = 0;

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
): Promise<T> {
  runs += 1;
  const engines: Engines & { readonly pid?: number } = placement === 'child' ? await startEnginesInChildProcess() : await startEngines();
  try {
    const env = await provisionResources(engines.endpoints, `bench${runs}-`);
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
