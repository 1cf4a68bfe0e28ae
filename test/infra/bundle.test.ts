import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { expect, it } from 'vitest';
import { HojoFunction } from '#infra/cdk/constructs/hojo-function.ts';
import { getGovernment } from '#shared/routes/registry.ts';

it('bundles a handler for real with the local esbuild into an ESM file with a source map that Node loads', async () => {
  const app = new App();
  const stack = new Stack(app, 'Bundle', { env: { region: 'ap-northeast-2' } });
  new HojoFunction(stack, 'GetGovernment', {
    handler: getGovernment.handler,
    declaredBy: 'route getGovernment',
    logRetention: RetentionDays.ONE_WEEK,
  });
  const assembly = app.synth();

  const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0]!;
  const assetKey = (fn.Properties.Code.S3Key as string).replace(/\.zip$/, '');
  const bundle = join(assembly.directory, `asset.${assetKey}`, 'index.mjs');
  expect(existsSync(bundle)).toBe(true);
  expect(existsSync(`${bundle}.map`)).toBe(true);
  const code = readFileSync(bundle, 'utf8');
  expect(code.slice(0, 120)).toContain("import { createRequire as __hojoCreateRequire } from 'node:module'");
  expect(code.includes('//# sourceMappingURL=index.mjs.map')).toBe(true);
  expect(/from\s*"#shared\//.test(code)).toBe(false);

  const loaded = (await import(pathToFileURL(bundle).href)) as { handler?: unknown };
  expect(typeof loaded.handler).toBe('function');
});
