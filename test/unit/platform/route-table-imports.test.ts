import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Every handler imports the route table (through its schemas), and the API docs and OpenAPI handlers
 * import all of it: data a schema pulls in weighs on every bundle. These files are the rules' data,
 * never the schemas' (issue #21: bundle size; bench section 6 measures the bundles themselves).
 */
const RULE_DATA_ONLY = ['shared/data/accounting/chart-of-accounts.json', 'shared/data/local-governments.json'];

describe('what the route table drags into a bundle', () => {
  it('carries neither the chart of accounts nor the registry of government names', async () => {
    const { metafile } = await build({
      entryPoints: ['shared/routes/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      outdir: 'unused',
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.length).toBeGreaterThan(20);
    expect(inputs.filter((path) => RULE_DATA_ONLY.includes(path))).toEqual([]);
  });
});
