import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EngineOptions, Engines, Endpoints } from '#infra/embedded/engines.ts';

const ENTRY = fileURLToPath(new URL('../../infra/embedded/engines-process.ts', import.meta.url));

/**
 * Starts the embedded engines in a child process (infra/embedded/engines-process.ts) with this
 * process's Node, so that on a 2-core machine the engines and the code under test each get a
 * core; resolves with their endpoints once they listen. `stop()` ends the child and waits for it.
 */
export async function startEnginesInChildProcess(options: EngineOptions = {}): Promise<Engines & { readonly pid: number }> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ENTRY], {
    env: { ...process.env, HOJO_ENGINE_OPTIONS: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const endpoints = await new Promise<Endpoints>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { endpoints: Endpoints }).endpoints);
      } catch (error) {
        reject(new Error(`the engines process printed ${line.slice(0, 200)}`, { cause: error }));
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the engines process exited (code ${code}) before listening`)));
  });
  let stopped: Promise<void> | undefined;
  return {
    endpoints,
    pid: child.pid ?? 0,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      })();
      return stopped;
    },
  };
}
