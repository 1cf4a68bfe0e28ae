import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The README's walkthrough run verbatim: its `sh` blocks, in order, by bash, with curl and
 * `npm run` exactly as a reader pastes them. Only the API address changes (the runtime under test
 * listens on its own port) and `HOJO_DATA_DIR` points `npm run token/job/reports` at that runtime.
 * A block the test cannot run says why in a comment right above it:
 * `<!-- walkthrough-test: not run, <reason> -->`. A block before which the reader restarts
 * `npm start` on the same data directory on another business clock says so the same way:
 * `<!-- walkthrough-test: restart with HOJO_CLOCK=<ISO date-time with offset> -->`; the test stops
 * its runtime there, starts a new one on that clock and exports the same `HOJO_CLOCK` to the shell.
 */
const SECTION = '## Walkthrough against `npm start`';
const NOT_RUN = /<!-- walkthrough-test: not run, (.+?) -->\s*$/;
const RESTART = /<!-- walkthrough-test: restart with HOJO_CLOCK=(\S+) -->\s*$/;
const README_API = 'http://127.0.0.1:3000';

export interface WalkthroughBlock {
  readonly code: string;
  readonly line: number;
  /** The business clock (`HOJO_CLOCK`) `npm start` restarts on before this block. */
  readonly restart?: string;
}

export interface Walkthrough {
  readonly blocks: readonly WalkthroughBlock[];
  readonly skipped: readonly { line: number; reason: string }[];
}

export async function readmeWalkthrough(root: string): Promise<Walkthrough> {
  return walkthroughOf(await readFile(join(root, 'README.md'), 'utf8'));
}

/** The walkthrough section's `sh` blocks (line numbers are the README's), with their directives. */
export function walkthroughOf(readme: string): Walkthrough {
  const start = readme.indexOf(SECTION);
  if (start < 0) throw new Error(`README.md has no section "${SECTION}"`);
  const end = readme.indexOf('\n## ', start + SECTION.length);
  const lines = readme.slice(start, end < 0 ? undefined : end).split('\n');
  const firstLine = readme.slice(0, start).split('\n').length;
  const blocks: WalkthroughBlock[] = [];
  const skipped: { line: number; reason: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```sh') continue;
    const close = lines.indexOf('```', i + 1);
    const reason = NOT_RUN.exec(lines[i - 1] ?? '')?.[1];
    const restart = RESTART.exec(lines[i - 1] ?? '')?.[1];
    const code = lines.slice(i + 1, close).join('\n');
    if (reason) skipped.push({ line: firstLine + i, reason });
    else blocks.push({ code, line: firstLine + i, ...(restart ? { restart } : {}) });
    i = close;
  }
  return { blocks, skipped };
}

/** One top-level command of the script and what it printed. */
export interface Step {
  readonly command: string;
  readonly output: string;
}

const MARK = '\u001e@@ ';

/** Stops `npm start` and starts it again on the same data directory, API address and port, on this clock. */
export type Restart = (clock: string) => Promise<void>;

/**
 * Runs the blocks as one bash script in the project (where a reader runs `npm run token`) (variables and functions carry over between blocks, as in a
 * reader's terminal) and splits its output per top-level command with a DEBUG trap, which bash does
 * not inherit into functions or command substitutions. Before a block marked for a restart the
 * script asks this process (over a local HTTP endpoint) to `restart`, waits for it, and exports the
 * new `HOJO_CLOCK`, so the shell's `npm run token/job` run on the runtime's clock.
 */
export async function runWalkthrough(
  blocks: readonly WalkthroughBlock[],
  api: string,
  env: NodeJS.ProcessEnv,
  root: string,
  dir: string,
  restart?: Restart,
): Promise<Step[]> {
  if (blocks.some((block) => block.restart) && !restart) throw new Error('the walkthrough restarts npm start: pass restart');
  const control = restart ? await restartEndpoint(restart) : undefined;
  try {
    const script = join(dir, 'walkthrough.sh');
    const body = blocks
      .map((block) => (block.restart ? `${RESTART_FUNCTION} '${block.restart}'\n` : '') + block.code.replaceAll(README_API, api))
      .join('\n');
    const prelude = control
      ? `${RESTART_FUNCTION}() { curl -sf -X POST --data-binary "$1" '${control.url}' >/dev/null || exit 97; export HOJO_CLOCK="$1"; }\n`
      : '';
    await writeFile(script, `${prelude}trap 'printf "\\n${MARK}%s\\n" "$BASH_COMMAND"' DEBUG\n${body}\n`);
    const { stdout } = await promisify(execFile)('bash', [script], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return stdout
      .split(`\n${MARK}`)
      .slice(1)
      .map((chunk) => {
        const newline = commandEnd(chunk);
        return { command: chunk.slice(0, newline), output: chunk.slice(newline + 1).trim() };
      });
  } finally {
    await control?.close();
  }
}

const RESTART_FUNCTION = '__walkthrough_restart';

/** A local endpoint the script calls to have the runtime restarted: POST with the clock as body, 204 once it runs. */
async function restartEndpoint(restart: Restart): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    let clock = '';
    request.on('data', (chunk: Buffer) => {
      clock += chunk.toString();
    });
    request.on('end', () => {
      restart(clock.trim()).then(
        () => response.writeHead(204).end(),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/restart`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A command spans lines when a quoted argument does; the marker line ends at its last quote's line. */
function commandEnd(chunk: string): number {
  let quote: string | undefined;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\n') return i;
  }
  return chunk.length;
}

/** The problem codes (RFC 9457 bodies) a step printed. */
export const problemCodes = (output: string): string[] =>
  [...output.matchAll(/"type":"https:\/\/hojo\.dev\/problems\/[^"]*"[^}]*?"code":"([a-z0-9-]+)"/g)].map((match) => match[1] ?? '');

/**
 * The refusals the README announces for a command: beside it (`… # 422 release-within-deposit`) or
 * in the comment line above it (`# 전용 into 업무추진비: 422 diversion-into-entertainment`). A status
 * mentioned in passing ("a claim over 70% would be 422 …") announces nothing.
 */
export function announcedRefusals(blocks: readonly WalkthroughBlock[]): { command: string; code: string }[] {
  const announced: { command: string; code: string }[] = [];
  for (const block of blocks) {
    let above: string | undefined;
    for (const line of block.code.split('\n')) {
      if (/^\s*#/.test(line)) {
        above = /^\s*#[^:]*:\s*4\d\d ([a-z0-9-]+)/.exec(line)?.[1];
        continue;
      }
      const beside = /^(.+?)\s+#\s*4\d\d ([a-z0-9-]+)/.exec(line);
      const code = beside?.[2] ?? above;
      if (code) announced.push({ command: (beside?.[1] ?? line).trim(), code });
      above = undefined;
    }
  }
  return announced;
}

const normalised = (command: string) => command.replace(/\s+/g, ' ').trim();
const stepsOf = (steps: readonly Step[], command: string) =>
  steps.filter((step) => step.command.length > 0 && normalised(command).startsWith(normalised(step.command)));

/**
 * Where the run differs from what the README says: an announced refusal that did not come (or
 * another code came), a problem no comment announces, a `# "field":value` the answer does not show.
 */
export function walkthroughDiscrepancies(walkthrough: Walkthrough, steps: readonly Step[]): string[] {
  const found: string[] = [];
  const announcedSteps = new Set<Step>();
  for (const refusal of announcedRefusals(walkthrough.blocks)) {
    const matching = stepsOf(steps, refusal.command);
    if (matching.length !== 1) found.push(`${matching.length} steps match the announced refusal's command: ${refusal.command}`);
    for (const step of matching) {
      announcedSteps.add(step);
      const codes = problemCodes(step.output);
      if (codes.join() !== refusal.code) found.push(`${step.command}\n  announced ${refusal.code}, answered [${codes.join(', ')}]`);
    }
  }
  for (const step of steps)
    if (!announcedSteps.has(step) && problemCodes(step.output).length > 0) found.push(`${step.command}\n  → ${step.output.slice(0, 300)}`);
  for (const block of walkthrough.blocks)
    for (const match of block.code.matchAll(/^(?!\s*#)(.+?)\s+#\s*("[a-zA-Z]+":.+)$/gm)) {
      const [command, fragment] = [match[1] ?? '', (match[2] ?? '').trim()];
      const [step] = stepsOf(steps, command);
      if (!step?.output.includes(fragment)) found.push(`${command}\n  should show ${fragment}, showed ${step?.output.slice(0, 300)}`);
    }
  return found;
}

/** Each accepted posting (its `REQUEST` item) with the outcome of its `RESULT` item, from a table's items. */
export function postingOutcomes(items: readonly Record<string, unknown>[]): { pk: string; status: unknown }[] {
  const postings = items.filter((item) => String(item.pk).startsWith('POSTING#'));
  const results = new Map(postings.filter((item) => item.sk === 'RESULT').map((item) => [item.pk, item.status]));
  return postings.filter((item) => item.sk === 'REQUEST').map((item) => ({ pk: String(item.pk), status: results.get(item.pk) }));
}
