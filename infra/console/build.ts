import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One file of the built console, at its path under the console's root (`index.html`, `app.js` …). */
export interface ConsoleAsset {
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the console: the TypeScript under `src/` bundled with chart.js by esbuild into one
 * minified ES module (no CDN, nothing fetched at run time), beside the page and its stylesheet.
 * The runtime builds it in memory on the first request for /console/; the CDK construct writes
 * the same files into the console bucket.
 */
export async function buildConsole(): Promise<ConsoleAsset[]> {
  const result = await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    write: false,
    outfile: 'app.js',
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('app.js'));
  if (!script) throw new Error('esbuild produced no app.js');
  return [
    { path: 'index.html', contentType: 'text/html; charset=utf-8', bytes: await readFile(join(root, 'index.html')) },
    { path: 'console.css', contentType: 'text/css; charset=utf-8', bytes: await readFile(join(root, 'console.css')) },
    { path: 'app.js', contentType: 'text/javascript; charset=utf-8', bytes: Buffer.from(script.contents) },
  ];
}
