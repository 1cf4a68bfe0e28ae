/**
 * Issue #18, done-when: the README's walkthrough followed verbatim. Every `sh` block of the section
 * "Walkthrough against `npm start`" runs, as pasted into a terminal, against a fresh `npm start`
 * (budget cycle, both chains, a quarter of budget changes, the ledger, a closing and its archive,
 * withholdings, a works contract, an 일상경비 advance, a 지방보조금 from 공모 to 반환 in two more
 * governments) and, restarted twice on the same data directory on later clocks (issue #15), 2026's
 * exception postings in January, a 반납 as 2027 revenue, and the closing of 2026 on 11 February. A
 * command whose answer is a refusal the README does not announce beside it fails the test, and so does
 * an announced refusal that does not come.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type RunningStart, scanTable, startNpmStart } from '#test/integration/ops/running-start.ts';
import {
  announcedRefusals,
  postingOutcomes,
  readmeWalkthrough,
  runWalkthrough,
  type Step,
  type Walkthrough,
  walkthroughDiscrepancies,
} from '#test/support/readme-walkthrough.ts';

// The README's dates are late November 2026: run the rules on a day after them.
const CLOCK = '2026-11-30T12:00:00+09:00';

let dir: string;
let runtime: RunningStart;
let walkthrough: Walkthrough;
let steps: Step[];
const restarts: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hojo-readme-'));
  const dataDir = join(dir, 'data');
  runtime = await startNpmStart(dataDir, ['--no-schedules'], { HOJO_CLOCK: CLOCK });
  walkthrough = await readmeWalkthrough(projectRoot);
  // A restart keeps the data directory and the port, so the blocks' API address holds.
  const restart = async (clock: string) => {
    const { url } = runtime;
    await runtime.stop();
    runtime = await startNpmStart(dataDir, ['--no-schedules', '--port', new URL(url).port], { HOJO_CLOCK: clock });
    if (runtime.url !== url) throw new Error(`npm start came back on ${runtime.url}, not ${url}`);
    restarts.push(clock);
  };
  steps = await runWalkthrough(walkthrough.blocks, runtime.url, { HOJO_DATA_DIR: dataDir, HOJO_CLOCK: CLOCK }, projectRoot, dir, restart);
}, 900_000);

afterAll(async () => {
  await runtime?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the README walkthrough, verbatim against npm start', () => {
  it('runs every block, restarting npm start on January’s and February’s clocks on the same data directory', () => {
    expect(walkthrough.blocks.length).toBeGreaterThanOrEqual(8);
    expect(walkthrough.skipped).toEqual([]);
    expect(restarts).toEqual(['2027-01-05T09:00:00+09:00', '2027-02-11T09:00:00+09:00']);
    expect(steps.length).toBeGreaterThan(100);
    expect(
      announcedRefusals(walkthrough.blocks)
        .map((refusal) => refusal.code)
        .sort(),
    ).toEqual([
      'cash-books-closed',
      'diversion-into-entertainment',
      'execution-exceeds-allocation',
      'fiscal-year-locked',
      'not-own-application',
      'release-within-deposit',
      'release-within-deposit',
      'similar-grant-unresolved',
    ]);
  });

  it('answers as the README says: the announced refusals and shown fields, no other problem', () => {
    expect(walkthroughDiscrepancies(walkthrough, steps)).toEqual([]);
  });

  it('applies every posting it submitted, none rejected, none left queued', async () => {
    const outcomes = postingOutcomes(await scanTable(join(dir, 'data')));
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((outcome) => outcome.status !== 'applied')).toEqual([]);
  });
});
