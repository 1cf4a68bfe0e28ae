/** Issue #18: `npm run job -- … --wait` shows n of N governments and failures, not metric JSON. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = new URL('../../../', import.meta.url).pathname;
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-job-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('npm run job --wait (standalone)', () => {
  it('a daily closing of one government reports 1 of 1 closed, exits 0, and prints no metric lines', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['infra/cli/job.ts', 'daily-closing', '--period', '2026-11-24', '--gov', '11110', '--wait', '--data-dir', dataDir],
      { cwd: projectRoot, env: { ...process.env, POWERTOOLS_METRICS_DISABLED: '', POWERTOOLS_LOG_LEVEL: '' }, timeout: 120_000 },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect(stderr).toMatch(/daily 2026-11-24: 1 of 1 governments closed/);
    expect(stderr + stdout).not.toContain('_aws');
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'daily', period: '2026-11-24', enqueued: 1, closed: 1, failed: [] });
  });
});
