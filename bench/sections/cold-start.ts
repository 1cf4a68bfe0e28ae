import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { declaredHandlers, projectRoot } from '../harness/declared-handlers.ts';
import { goal, versus } from '../harness/report.ts';
import { NotAvailable } from '../harness/section.ts';
import type { Section } from '../harness/section.ts';
import { median, round } from '../harness/stats.ts';

const run = promisify(execFile);
const BUNDLE_LIMIT_KB = 500;
const IMPORT_LIMIT_MS = 100;
const QUICK_IMPORTS_TIMED = 8;
// A full run times the imports of the largest bundles only, as a quick run does: 161 bundles × 10 fresh-process
// imports (then × 5) overran the 270 s allowance on an idle 2-core VM (2026-12-01, ~0.35 s an import); the
// import time follows the bundle's size, so the slowest import is among the largest. Every bundle is sized.
const FULL_IMPORTS_TIMED = 24;

/**
 * 6. Cold start: each declared Lambda bundled as it would deploy (esbuild, minified, ESM, platform
 * node, target node24, module-first main fields, the AWS SDK left to the runtime: what infra/cdk
 * deploys), its size, and the median time to import it in a fresh Node 24 process, the SDK loaded
 * from node_modules as the runtime loads its own copy. Baseline: the median start of an empty Node process.
 */
export const coldStart: Section = {
  id: '6',
  title: 'Cold start (bundle size, import time)',
  budgetMs: { quick: 15_000, full: 270_000 },
  // idle 2026-12-01: 56.9 s alone
  shareMs: 60_000,
  async run(context) {
    const imports = context.quick ? 3 : 5;
    const handlers = declaredHandlers();
    const missing = handlers.filter((h) => h.entry === undefined);
    if (missing.length > 0)
      context.note(`declared but not on disk (not measured): ${missing.map((h) => `${h.handler} (${h.declaredBy})`).join(', ')}`);
    const present = handlers.filter((h): h is typeof h & { entry: string } => h.entry !== undefined);
    if (present.length === 0) throw new NotAvailable('no declared handler module exists yet');

    // Inside the project, so that the bundles resolve @aws-sdk/* from node_modules like Lambda's runtime does.
    const cache = join(projectRoot, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const outdir = await mkdtemp(join(cache, 'hojo-bench-bundles-'));
    try {
      context.log(`bundling ${present.length} handlers`);
      const { metafile } = await build({
        metafile: true,
        entryPoints: Object.fromEntries(present.map((h) => [h.handler, h.entry])),
        outdir,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'node',
        target: 'node24',
        mainFields: ['module', 'main'],
        external: ['@aws-sdk/*'],
        absWorkingDir: projectRoot,
        logLevel: 'silent',
        // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
        banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
      });
      const nodeStart = median(await repeat(imports, () => timeProcess(['-e', '0'])));
      const baseline = { name: 'empty Node process start', value: round(nodeStart, 1), unit: 'ms' };
      const sized = await Promise.all(
        present.map(async (h) => {
          const file = join(outdir, `${h.handler}.mjs`);
          return { ...h, file, sizeKb: (await stat(file)).size / 1024 };
        }),
      );
      const timed = [...sized].sort((a, b) => b.sizeKb - a.sizeKb).slice(0, context.quick ? QUICK_IMPORTS_TIMED : FULL_IMPORTS_TIMED);
      context.note(`import time of the ${timed.length} largest bundles only (${imports} imports each)`);
      const largest = Math.max(...sized.map((h) => h.sizeKb));
      let slowest = 0;
      for (const h of sized) context.figure({ name: `${h.handler} bundle`, value: round(h.sizeKb, 1), unit: 'KB' });
      for (const h of timed) {
        const importMs = median(await repeat(imports, () => timeImport(h.file)));
        slowest = Math.max(slowest, importMs);
        context.figure(versus({ name: `${h.handler} import (median of ${imports})`, value: round(importMs, 1), unit: 'ms' }, baseline));
      }
      context.figure({ name: 'largest bundle', value: round(largest, 1), unit: 'KB' });
      context.figure(versus({ name: 'slowest import', value: round(slowest, 1), unit: 'ms' }, baseline));
      context.goal(
        goal(
          `every Lambda bundle under ${BUNDLE_LIMIT_KB} KB`,
          largest,
          (kb) => kb < BUNDLE_LIMIT_KB,
          (kb) => `largest ${round(kb, 1)} KB (${present.length} bundles)`,
        ),
      );
      context.goal(
        goal(
          `every import under ${IMPORT_LIMIT_MS} ms`,
          slowest,
          (ms) => ms < IMPORT_LIMIT_MS,
          (ms) => `slowest ${round(ms, 1)} ms`,
        ),
      );
      const heaviest = Object.values(metafile.outputs)
        .filter((output) => output.entryPoint !== undefined)
        .sort((a, b) => b.bytes - a.bytes)[0];
      if (heaviest) {
        context.note(`largest bundle by package: ${packageShares(heaviest.inputs)}`);
        context.note(`largest bundle's heaviest project files: ${projectFiles(heaviest.inputs)}`);
      }
      context.note(
        'bundles leave @aws-sdk/* to the runtime (as infra/cdk deploys them); import time is measured inside a fresh process, node start excluded',
      );
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  },
};

/** The five packages that weigh most in a bundle, in KB of output. */
function packageShares(inputs: Record<string, { bytesInOutput: number }>): string {
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, bytes]) => `${name} ${round(bytes / 1024)} KB`)
    .join(', ');
}

/** The five project files (data tables included) that weigh most in a bundle: where to look when it grows. */
function projectFiles(inputs: Record<string, { bytesInOutput: number }>): string {
  return Object.entries(inputs)
    .filter(([path]) => !path.includes('node_modules'))
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 5)
    .map(([path, { bytesInOutput }]) => `${path} ${round(bytesInOutput / 1024, 1)} KB`)
    .join(', ');
}

async function repeat(times: number, measure: () => Promise<number>): Promise<number[]> {
  const sample: number[] = [];
  for (let i = 0; i < times; i++) sample.push(await measure());
  return sample;
}

const childEnv = { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_TRACE_ENABLED: 'false' };

/** Milliseconds to import the module, measured inside a fresh Node process (its own start excluded). */
async function timeImport(file: string): Promise<number> {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: childEnv });
  return Number(stdout);
}

/** Wall milliseconds of a whole child process. */
async function timeProcess(args: readonly string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, [...args], { env: childEnv });
  return performance.now() - started;
}
