/**
 * The README walkthrough's reader (test/support/readme-walkthrough.ts): which `sh` blocks run, which are
 * skipped and why, and before which `npm start` restarts on another business clock (issue #15).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWalkthrough, walkthroughOf } from '#test/support/readme-walkthrough.ts';

const readme = [
  '# hojo',
  '```sh',
  'echo outside the section',
  '```',
  '## Walkthrough against `npm start`',
  '```sh',
  'echo first',
  '```',
  '<!-- walkthrough-test: not run, it needs a printer -->',
  '```sh',
  'lpr report.pdf',
  '```',
  "Stop `npm start` and start it again on January's clock.",
  '<!-- walkthrough-test: restart with HOJO_CLOCK=2027-01-05T09:00:00+09:00 -->',
  '```sh',
  'echo "$HOJO_CLOCK"',
  '```',
  '```sh',
  'echo after',
  '```',
  '## Next section',
  '```sh',
  'echo not part of it',
  '```',
].join('\n');

describe('the walkthrough reader', () => {
  const walkthrough = walkthroughOf(readme);

  it('takes the section’s blocks only, with their README line numbers', () => {
    expect(walkthrough.blocks.map((block) => [block.line, block.code])).toEqual([
      [6, 'echo first'],
      [15, 'echo "$HOJO_CLOCK"'],
      [18, 'echo after'],
    ]);
    expect(walkthrough.skipped).toEqual([{ line: 10, reason: 'it needs a printer' }]);
  });

  it('marks the block that follows a restart directive, and only that one', () => {
    expect(walkthrough.blocks.map((block) => block.restart)).toEqual([undefined, '2027-01-05T09:00:00+09:00', undefined]);
  });

  it('refuses to run a walkthrough that restarts without a way to restart', async () => {
    await expect(runWalkthrough(walkthrough.blocks, 'http://127.0.0.1:1', {}, '.', '.')).rejects.toThrow(/restart/);
  });

  it('restarts before the marked block and exports its clock to the shell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hojo-walk-unit-'));
    const restarts: string[] = [];
    try {
      const steps = await runWalkthrough(
        walkthrough.blocks,
        'http://127.0.0.1:1',
        { HOJO_CLOCK: '2026-11-30T12:00:00+09:00' },
        dir,
        dir,
        async (clock) => {
          restarts.push(clock);
        },
      );
      expect(restarts).toEqual(['2027-01-05T09:00:00+09:00']);
      expect(steps.map((step) => step.output)).toEqual(['first', '', '2027-01-05T09:00:00+09:00', 'after']);
      expect(await readFile(join(dir, 'walkthrough.sh'), 'utf8')).toContain("__walkthrough_restart '2027-01-05T09:00:00+09:00'");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
