import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { addNagChecks, buildHojoApp } from '#infra/cdk/hojo-app.ts';
import type { HojoApp } from '#infra/cdk/hojo-app.ts';
import { handlerEntry } from '#infra/cdk/handler-entry.ts';
import { publicAccess } from '#shared/auth/access.ts';
import type { Route } from '#shared/http/route.ts';
import { routes } from '#shared/routes/index.ts';
import { schedules } from '#shared/schedules.ts';
import { exampleApiDomainName, templateOnly, stubProjectRoot, synthesize } from '#test/infra/synth-support.ts';
import { AwsSolutionsChecks } from 'cdk-nag';

/** An app built or synthesized: minutes of wall time on a shared 2-core machine. */
const synthesisTimeoutMs = 300_000;
/**
 * Three postings shards instead of 243 (issue #21, `npm test` duration): what this file checks —
 * handler modules, nag rules, acknowledgements, layers — is per function or per construct, the same
 * for every shard, and stacks.test.ts synthesizes and nag-checks both targets with all 243.
 */
const shards = { postingsShards: '3' };

const publicRoute = (id: string, handler: string): Route => ({
  id,
  method: 'GET',
  path: `/${id}`,
  handler,
  summary: id,
  tags: [],
  access: publicAccess,
});

/**
 * The aws app built from the real tree, once: the handler check builds it and the acknowledgement
 * check reads its construct tree (a build of 144 functions is seconds of CPU; issue #21).
 */
let awsApp: HojoApp | undefined;
function realTreeAwsApp(): HojoApp {
  awsApp ??= buildHojoApp({ context: { target: 'aws', ...shards, ...templateOnly, apiDomainName: exampleApiDomainName } });
  return awsApp;
}

function treeWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hojo-handlers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('declared handlers', () => {
  it('all exist in functions/ and export `handler`, so both targets synthesize from the real tree', { timeout: synthesisTimeoutMs }, () => {
    expect(realTreeAwsApp).not.toThrow();
    expect(() =>
      buildHojoApp({ context: { target: 'onprem', ...shards, ...templateOnly, apiDomainName: exampleApiDomainName } }),
    ).not.toThrow();
  });

  it('stop synthesis with one message naming every missing module and who declares it', () => {
    const root = stubProjectRoot([], schedules);
    const declared = [
      publicRoute('present', 'registry/get-government'),
      publicRoute('ghostA', 'ghost/a'),
      publicRoute('ghostB', 'ghost/b'),
    ];
    mkdirSync(join(root, 'functions/registry'), { recursive: true });
    writeFileSync(join(root, 'functions/registry/get-government.ts'), 'export const handler = async () => ({});\n');
    expect(() => buildHojoApp({ routes: declared, projectRoot: root, context: templateOnly })).toThrow(
      /2 declared handler\(s\) missing:\n {2}- route ghostA \(GET \/ghostA\) declares handler "ghost\/a" but functions\/ghost\/a\.ts does not exist\n {2}- route ghostB/,
    );
  });

  it('rejects a module that does not export `handler`', () => {
    const root = treeWith({
      'functions/x/wrong.ts': 'export const main = async () => ({});\n',
      'functions/x/right.ts': 'export { handler } from "./impl.ts";\n',
    });
    expect(() => handlerEntry('x/wrong', 'route wrong', root)).toThrow(
      'route wrong declares handler "x/wrong" but functions/x/wrong.ts does not export `handler`',
    );
    expect(handlerEntry('x/right', 'route right', root)).toBe(join(root, 'functions/x/right.ts'));
  });
});

describe('cdk-nag', () => {
  it('is not vacuous: a queue without TLS policy or DLQ is reported, and fails synthesis', { timeout: synthesisTimeoutMs }, () => {
    const built = buildHojoApp({
      projectRoot: stubProjectRoot(routes, schedules),
      context: { target: 'onprem', ...shards, ...templateOnly },
    });
    new Queue(built.api, 'Plain', { enforceSSL: false });
    const rules = new AwsSolutionsChecks().validateScope(built.app).violations.map((v) => v.ruleName);
    expect(rules.sort()).toEqual(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']);

    // The plugin as the app registers it stops synthesis (a small app: the failure report of the full one is slow to render).
    const app = new App({ context: templateOnly });
    new Queue(new Stack(app, 'Stray'), 'Plain', { enforceSSL: false });
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });

  it('stays clean with Lambda Insights on, its managed policy acknowledged with a reason', { timeout: synthesisTimeoutMs }, () => {
    const synth = synthesize({
      projectRoot: stubProjectRoot(routes, schedules),
      context: { target: 'aws', lambdaInsights: 'true', ...shards },
    });
    expect(synth.nagFindings).toEqual([]);
    const functions = Object.values(
      synth.apiTemplate.toJSON().Resources as Record<string, { Type: string; Properties: { Layers?: unknown[] } }>,
    ).filter((r) => r.Type === 'AWS::Lambda::Function');
    for (const fn of functions) expect(JSON.stringify(fn.Properties.Layers)).toContain('LambdaInsightsExtension-Arm64');
  });

  it('records a reason with every acknowledgement', { timeout: synthesisTimeoutMs }, () => {
    const acknowledged = realTreeAwsApp()
      .app.node.findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(30);
    }
  });
});
