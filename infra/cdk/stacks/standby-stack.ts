import { Aws, CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from '#infra/cdk/constructs/alarm-topic.ts';
import { ArchiveBucket } from '#infra/cdk/constructs/archive-bucket.ts';
import { lockedVault } from '#infra/cdk/constructs/ledger-backup.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { buckets } from '#shared/resources.ts';

/** The replica archive's name in a Region (fixed: the primary names it across Regions). */
export const archiveReplicaName = (region: string): string => `${buckets.archive.name}-replica-${Aws.ACCOUNT_ID}-${region}`;

export interface StandbyStackProps extends StackProps {
  readonly config: DeployConfig;
}

/**
 * What the standby Region (`-c standbyRegion=…`) holds before any fail-over: the archive's replica
 * (write-once like its source), a locked vault receiving the ledger backups' copies, and its own
 * alarm topic. The functions and queues are deployed there at fail-over (README, Fail-over).
 */
export class StandbyStack extends Stack {
  readonly archive: ArchiveBucket;

  constructor(scope: Construct, id: string, props: StandbyStackProps) {
    super(scope, id, props);
    new AlarmTopic(this, 'Alarms', { emails: props.config.alarmEmails, urls: props.config.alarmUrls });
    this.archive = new ArchiveBucket(this, 'ArchiveReplica', { declaration: buckets.archive, bucketName: archiveReplicaName(this.region) });
    lockedVault(this, 'BackupVault');
    new CfnOutput(this, 'ArchiveReplicaName', { value: this.archive.bucket.bucketName });
  }
}
