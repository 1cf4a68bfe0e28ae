import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildSync } from 'esbuild';
import type { BuildOptions } from 'esbuild';

/** One file of the built console, at its path under the console's root (`index.html`, `app.js` …). */
export interface ConsoleAsset {
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

const root = dirname(fileURLToPath(import.meta.url));
/** The page and its stylesheet, copied as they are beside the bundle. */
const staticFiles = [
  { path: 'index.html', contentType: 'text/html; charset=utf-8' },
  { path: 'console.css', contentType: 'text/css; charset=utf-8' },
] as const;

/**
 * The TypeScript under `src/` bundled with chart.js into one minified ES module (no CDN, nothing
 * fetched at run time but the API), chart.js's licence comment kept at the end.
 */
const bundleOptions: BuildOptions = {
  entryPoints: [join(root, 'src', 'main.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'eof',
  logLevel: 'silent',
};

/** Built in memory: the runtime does this on the first request for /console/. */
export async function buildConsole(): Promise<ConsoleAsset[]> {
  const result = await build({ ...bundleOptions, write: false, outfile: 'app.js' });
  const script = result.outputFiles.find((file) => file.path.endsWith('app.js'));
  if (!script) throw new Error('esbuild produced no app.js');
  const pages = await Promise.all(staticFiles.map(async (f) => ({ ...f, bytes: await readFile(join(root, f.path)) })));
  return [...pages, { path: 'app.js', contentType: 'text/javascript; charset=utf-8', bytes: Buffer.from(script.contents) }];
}

/** Built into a directory, synchronously: the CDK asset's local bundling (infra/cdk/constructs/console-site.ts). */
export function writeConsoleSync(outputDir: string): void {
  mkdirSync(outputDir, { recursive: true });
  buildSync({ ...bundleOptions, outfile: join(outputDir, 'app.js') });
  for (const file of staticFiles) copyFileSync(join(root, file.path), join(outputDir, file.path));
}

/** The source directory the asset hashes (a change to the console changes the deployed files). */
export const consoleSourceDir = root;
