import { beforeAll, describe, expect, it } from 'vitest';
import { alarmTopicName } from '#infra/cdk/constructs/alarm-topic.ts';
import { backupVaultName } from '#infra/cdk/constructs/ledger-backup.ts';
import { routes } from '#shared/routes/index.ts';
import { schedules } from '#shared/schedules.ts';
import { buckets, table } from '#shared/resources.ts';
import { stubProjectRoot, synthesize } from '#test/infra/synth-support.ts';
import type { Resources, Synthesized } from '#test/infra/synth-support.ts';
import { deployConfigOf } from '#test/infra/deploy-context.ts';

/**
 * Issue #19, item 5 (fail-over runbook, step 3): the app deployed in the standby Region against the
 * table that already exists there (`-c adoptTable`), the global table's replica or a restored
 * recovery point. Three postings shards: nothing here depends on their number.
 */
// Tokyo: the CDK's table has no arm64 Parameters and Secrets extension in Osaka (ap-northeast-3), which
// the route functions need (README, Fail-over runbook); the last test checks that refusal.
const standby = 'ap-northeast-1';
const adopted = 'HojoData-LedgerTable1A2B3C4D-EXAMPLE';
const failOverContext = {
  target: 'aws',
  region: standby,
  allowedRegions: `ap-northeast-2,${standby}`,
  adoptTable: adopted,
  postingsShards: 3,
};
let failOver: Synthesized;

beforeAll(() => {
  failOver = synthesize({ projectRoot: stubProjectRoot(routes, schedules), context: failOverContext });
}, 300_000);

function resourcesOf(stack: 'data' | 'api'): Resources {
  const templates =
    stack === 'data' ? [failOver.dataTemplate, ...failOver.dataNestedTemplates] : [failOver.apiTemplate, ...failOver.nestedTemplates];
  return Object.assign({}, ...templates.map((t) => t.toJSON().Resources as Resources));
}
const ofType = (resources: Resources, type: string) => Object.values(resources).filter((r) => r.Type === type);

/** Every IAM statement of the API stack and its nested stacks that names a DynamoDB action. */
function tableStatements(): { Action: string | string[]; Resource: unknown }[] {
  return ofType(resourcesOf('api'), 'AWS::IAM::Policy')
    .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
}

describe('the fail-over deployment adopts the table that exists in the standby Region', () => {
  it('deploys the data and API stacks in the standby Region, and no edge, standby or table of its own', () => {
    expect(failOver.data.region).toBe(standby);
    expect(failOver.api.region).toBe(standby);
    expect(failOver.standby).toBeUndefined();
    expect(failOver.edge).toBeUndefined();
    const data = resourcesOf('data');
    expect(ofType(data, 'AWS::DynamoDB::GlobalTable')).toEqual([]);
    expect(ofType(data, 'AWS::DynamoDB::Table')).toEqual([]);
    expect(ofType(resourcesOf('api'), 'AWS::DynamoDB::Table')).toEqual([]);
    expect(failOver.dataTemplate.toJSON().Outputs.TableName.Value).toEqual(adopted);
  });

  it('keeps creating what is regional: the queues and the user pools', () => {
    const data = resourcesOf('data');
    expect(ofType(data, 'AWS::SQS::Queue').length).toBeGreaterThanOrEqual(3 * 2 + 2);
    expect(ofType(data, 'AWS::Cognito::UserPool')).toHaveLength(2);
  });

  it("serves and writes the archive in HojoStandby's replica of that Region, which holds the reports of before", () => {
    expect(ofType(resourcesOf('data'), 'AWS::S3::Bucket').filter((b) => b.Properties.ObjectLockEnabled)).toEqual([]);
    const archived = ofType(resourcesOf('api'), 'AWS::Lambda::Function')
      .map((f) => f.Properties.Environment?.Variables?.[buckets.archive.env])
      .filter((name) => name !== undefined);
    expect(archived.length).toBeGreaterThan(0);
    for (const name of archived) {
      expect(JSON.stringify(name)).toContain(`${buckets.archive.name}-replica-`);
      expect(JSON.stringify(name)).toContain(`-${standby}`);
    }
  });

  it('grants every function the adopted table and its declared indexes by ARN in the standby Region, nothing else', () => {
    const statements = tableStatements();
    expect(statements.length).toBeGreaterThan(routes.length);
    const tableArn = `:dynamodb:${standby}:`;
    for (const statement of statements) {
      for (const resource of [statement.Resource].flat().map((r) => JSON.stringify(r))) {
        expect(resource).toContain(tableArn);
        // What the ARN names: the table, or one declared index by name (never `index/*`).
        const named = resource.match(/:table\/[^"\\]+/g);
        expect(named).toHaveLength(1);
        expect([`:table/${adopted}`, ...table.globalIndexes.map((i) => `:table/${adopted}/index/${i.name}`)]).toContain(named![0]);
      }
    }
    const functions = ofType(resourcesOf('api'), 'AWS::Lambda::Function').filter((f) => f.Properties.Environment?.Variables?.[table.env]);
    expect(functions.length).toBeGreaterThan(routes.length / 2);
    for (const fn of functions) expect(fn.Properties.Environment.Variables[table.env]).toBe(adopted);
  });

  it("backs the adopted table up into HojoStandby's vault of that Region, and sends alarms to its topic", () => {
    const data = resourcesOf('data');
    expect(ofType(data, 'AWS::Backup::BackupVault')).toEqual([]);
    expect(ofType(data, 'AWS::SNS::Topic')).toEqual([]);
    const [plan] = ofType(data, 'AWS::Backup::BackupPlan');
    for (const rule of plan!.Properties.BackupPlan.BackupPlanRule as { TargetBackupVault: unknown }[]) {
      expect(JSON.stringify(rule.TargetBackupVault)).toContain(backupVaultName);
    }
    const [selection] = ofType(data, 'AWS::Backup::BackupSelection');
    const selected = JSON.stringify(selection!.Properties.BackupSelection.Resources);
    expect(selected).toContain(`:dynamodb:${standby}:`);
    expect(selected).toContain(`:table/${adopted}`);
    // The table's throttle alarms stay, on the adopted table, towards the Region's topic.
    const alarms = [...ofType(data, 'AWS::CloudWatch::Alarm'), ...ofType(resourcesOf('api'), 'AWS::CloudWatch::Alarm')];
    const throttles = alarms.filter((a) => String(a.Properties.MetricName ?? '').endsWith('ThrottleEvents'));
    expect(throttles).toHaveLength(2);
    for (const alarm of throttles) expect(JSON.stringify(alarm.Properties.Dimensions)).toContain(adopted);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain(`:sns:${standby}:`);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain(alarmTopicName);
  });

  it("names its dashboards apart from the primary's: dashboards are global to the account", () => {
    const names = ofType(resourcesOf('api'), 'AWS::CloudWatch::Dashboard').map((d) => d.Properties.DashboardName);
    expect(names.sort()).toEqual(['api', 'closings', 'postings', 'table'].map((concern) => `hojo-${concern}-${standby}`));
  });

  it('leaves no cdk-nag finding unacknowledged', () => {
    expect(failOver.nagFindings.map((f) => f.ruleName)).toEqual([]);
  });
});

describe('what the fail-over deployment refuses', () => {
  it("refuses Osaka at synthesis: the CDK's table has no arm64 Parameters and Secrets extension there (aws-cdk-lib 2.276)", () => {
    const osaka = { ...failOverContext, region: 'ap-northeast-3', allowedRegions: 'ap-northeast-2,ap-northeast-3' };
    expect(() =>
      synthesize({ projectRoot: stubProjectRoot(routes.slice(0, 1)), routes: routes.slice(0, 1), schedules: [], context: osaka }),
    ).toThrow(/Parameters and Secrets Extension is not supported in region ap-northeast-3 for arm64/);
  });

  const configOf = (overrides: Record<string, unknown>) => deployConfigOf({ ...failOverContext, ...overrides });

  it('takes a DynamoDB table name, never an empty one', () => {
    expect(configOf({}).adoptTable).toBe(adopted);
    expect(() => configOf({ adoptTable: '' })).toThrow(/adoptTable is empty/);
    expect(() => configOf({ adoptTable: '  ' })).toThrow(/adoptTable is empty/);
    expect(() => configOf({ adoptTable: 'arn:aws:dynamodb:ap-northeast-3:123456789012:table/x' })).toThrow(/not a DynamoDB table name/);
  });

  it('refuses a Region outside allowedRegions, on-prem, and a standby of its own', () => {
    expect(() => configOf({ allowedRegions: 'ap-northeast-2' })).toThrow(`region "${standby}" is not in allowedRegions`);
    expect(() => configOf({ target: 'onprem' })).toThrow(/adoptTable is the AWS fail-over/);
    expect(() => configOf({ standbyRegion: 'ap-northeast-2' })).toThrow(/no standby of its own/);
  });
});
