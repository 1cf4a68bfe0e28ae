import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArchiveBucket } from '#infra/cdk/constructs/archive-bucket.ts';
import { HojoTable } from '#infra/cdk/constructs/hojo-table.ts';
import { Identity } from '#infra/cdk/constructs/identity.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { buckets, table } from '#shared/resources.ts';

export interface DataStackProps extends StackProps {
  readonly config: DeployConfig;
}

/**
 * What must outlive any deployment: the ledger table, the write-once archive and, on AWS, the
 * user pool. Kept apart from the functions so that code changes never touch stateful resources.
 */
export class DataStack extends Stack {
  readonly table: HojoTable;
  readonly archive: ArchiveBucket;
  /** The Cognito user pool; absent on-prem, where an external OIDC issuer signs tokens. */
  readonly identity: Identity | undefined;

  /**
   * The archive's ARN under a stable export name: the API stack imports it by this name, so the
   * one acknowledged wildcard on archive objects names a resource that does not change between synths.
   */
  get archiveArnExport(): string {
    return `${this.stackName}-ArchiveBucketArn`;
  }

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.table = new HojoTable(this, 'Ledger', { declaration: table });
    this.archive = new ArchiveBucket(this, 'Archive', { declaration: buckets.archive });
    this.identity = props.config.target === 'aws' ? new Identity(this, 'Identity') : undefined;

    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.archive.bucket.bucketName });
    new CfnOutput(this, 'ArchiveBucketArn', { value: this.archive.bucket.bucketArn, exportName: this.archiveArnExport });
    if (this.identity) {
      new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    }
  }
}
