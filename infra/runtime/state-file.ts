import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a running `npm start` tells the other CLIs (invoke, job, redrive): where its stack is. */
export interface RuntimeState {
  readonly pid: number;
  readonly apiUrl: string;
  readonly startedAt: string;
  readonly external: boolean;
  /** Resource names, endpoints, region and credentials that handlers need. */
  readonly env: Readonly<Record<string, string>>;
}

const FILE = 'runtime.json';

export async function writeRuntimeState(dataDir: string, state: RuntimeState): Promise<void> {
  await writeFile(join(dataDir, FILE), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** The state of a runtime that is still alive; a file left by a process that died is ignored. */
export async function readRuntimeState(dataDir: string): Promise<RuntimeState | undefined> {
  let state: RuntimeState;
  try {
    state = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as RuntimeState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return isAlive(state.pid) ? state : undefined;
}

export async function removeRuntimeState(dataDir: string): Promise<void> {
  await rm(join(dataDir, FILE), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
