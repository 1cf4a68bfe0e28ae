/** Issue #20: the console on AWS, a private bucket holding the built console and its config.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ConsoleSite } from '#infra/cdk/constructs/console-site.ts';
import { addNagChecks, featureFlags } from '#infra/cdk/hojo-app.ts';

const config = {
  apiBase: 'https://api.hojo.example.go.kr',
  signIn: {
    issuer: 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_example',
    clientId: 'console-client',
    authorizationEndpoint: 'https://hojo.auth.ap-northeast-2.amazoncognito.com/oauth2/authorize',
    tokenEndpoint: 'https://hojo.auth.ap-northeast-2.amazoncognito.com/oauth2/token',
    scopes: ['openid', 'email'],
    apiToken: 'id_token' as const,
  },
};

describe('ConsoleSite', () => {
  // Synthesis stages the BucketDeployment's AWS CLI layer (tens of MB) beside the console: slow on a shared machine.
  it('keeps the built console in a private, TLS-only bucket with its config.json, cdk-nag clean', { timeout: 300_000 }, () => {
    const app = new App({ context: featureFlags });
    const stack = new Stack(app, 'Console', { env: { region: 'ap-northeast-2', account: '123456789012' } });
    new ConsoleSite(stack, 'Console', { config });
    addNagChecks(app);
    const assembly = app.synth();
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);

    const template = Template.fromStack(stack);
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    }
    // TLS only: every bucket policy denies requests without aws:SecureTransport, and grants nobody public read
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Principal: unknown; Condition?: unknown }[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal).includes('"*"'))).toEqual([]);
    }
    // the deployment copies two sources: the console built by esbuild, and config.json
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    expect(deployment?.Properties.Prune).toBe(true);
    const staged = readdirSync(assembly.directory, { recursive: true, encoding: 'utf8' });
    const built = staged.filter((path) => path.endsWith('app.js') || path.endsWith('index.html') || path.endsWith('console.css'));
    expect(built.map((path) => basename(path)).sort()).toEqual(['app.js', 'console.css', 'index.html']);
    const configFile = staged.find((path) => basename(path) === 'config.json');
    expect(JSON.parse(readFileSync(join(assembly.directory, configFile ?? ''), 'utf8'))).toEqual(config);
  });
});
