import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';

/**
 * Runs `work` with this process pointed at a stack: the one of a running `npm start` (from its
 * state file), the external endpoints already in the environment, or a throwaway in-memory
 * embedded stack.
 */
export async function withStack<T>(dataDir: string, external: boolean, work: (where: string) => Promise<T>): Promise<T> {
  if (external) return work('external endpoints from the environment');
  const running = await readRuntimeState(dataDir);
  if (running) {
    Object.assign(process.env, running.env);
    resetClients();
    return work(`the running stack (pid ${running.pid}, ${running.apiUrl})`);
  }
  const stack = await startEmbeddedStack();
  try {
    return await work('a throwaway in-memory stack');
  } finally {
    resetClients();
    await stack.stop();
  }
}

/**
 * Points this process at the stack of a running `npm start` (from its state file), unless
 * `external` (the endpoints already in the environment). With neither it says so and exits 1: the
 * command changes a stack that lasts, so a throwaway one would be no use.
 */
export async function useRunningStack(dataDir: string, external: boolean): Promise<void> {
  if (external) return;
  const running = await readRuntimeState(dataDir);
  if (!running) {
    console.error('no running `npm start` found: start it first, or use --external with the endpoints in the environment');
    process.exit(1);
  }
  Object.assign(process.env, running.env);
}
