/**
 * `npm run test:conformance`: the conformance suite (test/conformance) compares the embedded
 * engines with moto, the reference emulator, and checks `npm run provision` against it. It installs
 * nothing: when python3 or moto is missing it says what is needed and exits 2 without running.
 * Extra arguments go to vitest (e.g. a file filter).
 */
import { spawnSync } from 'node:child_process';

const python = 'python3';

/** Why moto cannot be started, or undefined when `python3 -m moto.server` is available. */
export function motoMissing(pythonCommand = python): string | undefined {
  const probe = spawnSync(pythonCommand, ['-c', 'import moto, moto.server, flask, werkzeug; print(moto.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.error) return `${pythonCommand} is not on PATH (${(probe.error as NodeJS.ErrnoException).code})`;
  if (probe.status !== 0) return `${pythonCommand} cannot import moto's server: ${probe.stderr.trim().split('\n').at(-1) ?? ''}`;
  return undefined;
}

if (import.meta.main) {
  const missing = motoMissing();
  if (missing) {
    console.error(`npm run test:conformance needs python3 with moto's server, and did not run:
  ${missing}
Install it with one of:
  pip install "moto[server]"          (PyPI)
  apt-get install python3-moto        (Debian, where packaged; Debian 12 does not package it)
npm test does not need it.`);
    process.exit(2);
  }
  const vitest = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.conformance.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(vitest.status ?? 1);
}
