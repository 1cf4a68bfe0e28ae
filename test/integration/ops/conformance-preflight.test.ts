/** Issue #18: `npm run test:conformance` installs nothing and says what it needs when moto is missing. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { motoMissing } from '#infra/cli/conformance.ts';

const projectRoot = new URL('../../../', import.meta.url).pathname;

describe('npm run test:conformance without moto', () => {
  it('names what is missing', () => {
    expect(motoMissing('/nonexistent/python3')).toMatch(/is not on PATH/);
  });

  it('exits 2 with the install hint, without running vitest, when python3 has no moto', async () => {
    const outcome = await promisify(execFile)(process.execPath, ['infra/cli/conformance.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PATH: '/nonexistent', PYENV_VERSION: '' },
    }).then(
      () => 'ran',
      (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`,
    );
    expect(outcome).toMatch(/^2 [\s\S]*needs python3 with moto[\s\S]*pip install "moto\[server\]"[\s\S]*npm test does not need it/);
  });
});
