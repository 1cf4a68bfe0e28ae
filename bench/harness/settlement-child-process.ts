import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildAnswer, ChildTask } from './settlement-child.ts';

const entry = fileURLToPath(new URL('./settlement-child.ts', import.meta.url));

/**
 * Runs a settlement bench task in a fresh Node process (this one's binary and environment, so it
 * reaches the same embedded engines) and resolves with its answer. The child's stdout is dropped:
 * the settlement job prints its embedded-metric lines there.
 */
export function inChildProcess<T>(task: ChildTask): Promise<ChildAnswer<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(task)], {
      execArgv: ['--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let answer: ChildAnswer<T> | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2_000);
    });
    child.on('message', (message) => {
      answer = message as ChildAnswer<T>;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer) resolve(answer);
      else reject(new Error(`settlement ${task.mode} process exited with code ${code}: ${stderr.trim() || 'no output'}`));
    });
  });
}
