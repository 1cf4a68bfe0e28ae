import { ArnFormat, Aws, CfnOutput, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { machineClientSpec } from '#shared/auth/machine-clients.ts';
import { BackupVault } from 'aws-cdk-lib/aws-backup';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { LedgerBackup, backupVaultName } from '#infra/cdk/constructs/ledger-backup.ts';
import { archiveReplicaName } from '#infra/cdk/stacks/standby-stack.ts';
import { retentionOf } from '#infra/cdk/stacks/api-stack.ts';
import type { StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { buildWorkQueue } from '#infra/cdk/constructs/work-queue.ts';
import type { WorkQueue } from '#infra/cdk/constructs/work-queue.ts';
import { deliveryPlans } from '#infra/cdk/delivery-plan.ts';
import { AlarmTopic, alarmTopicArn } from '#infra/cdk/constructs/alarm-topic.ts';
import { tableThrottleAlarms } from '#infra/cdk/constructs/operations-alarms.ts';
import { ArchiveBucket } from '#infra/cdk/constructs/archive-bucket.ts';
import { HojoTable } from '#infra/cdk/constructs/hojo-table.ts';
import { Identity } from '#infra/cdk/constructs/identity.ts';
import { ResidentIdentity } from '#infra/cdk/constructs/resident-identity.ts';
import { QueueFamily, postingsShardMembers } from '#infra/cdk/constructs/queue-family.ts';
import { queueConstructId } from '#infra/cdk/construct-ids.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import type { QueueFamilyPlan } from '#infra/cdk/queue-family-plan.ts';
import { operationalAlarms } from '#shared/alarms.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';

export interface DataStackProps extends StackProps {
  readonly config: DeployConfig;
  /** The sharded queue families to deploy (infra/cdk/queue-family-plan.ts). */
  readonly queueFamilies: ReadonlyMap<QueueKey, QueueFamilyPlan>;
}

/**
 * What must outlive any deployment: the ledger table, the write-once archive, the sharded queues
 * that hold accepted postings (retained, issue #19) and, on AWS, the user pool. Kept apart from the
 * functions so that code changes never touch stateful resources.
 */
export class DataStack extends Stack {
  readonly table: HojoTable;
  /**
   * The write-once archive; in the fail-over deployment, HojoStandby's replica of that Region (its
   * reports of before included), referenced by its fixed name.
   */
  readonly archive: { readonly bucket: IBucket };
  /** The Cognito user pool; absent on-prem, where an external OIDC issuer signs tokens. */
  readonly identity: Identity | undefined;
  /** aws: the residents' own user pool (their routes accept only its tokens); onprem: one issuer for all. */
  readonly residents: ResidentIdentity | undefined;
  readonly queueFamilies: ReadonlyMap<QueueKey, QueueFamily>;
  /** The unsharded work queues (settlement) with their dead-letter queues, retained. */
  readonly workQueues: Readonly<Partial<Record<QueueKey, WorkQueue>>>;
  /** AWS Backup of the table (aws target; on-prem, the platform's own backups). */
  readonly backup: LedgerBackup | undefined;
  /**
   * Where every alarm of the Region sends ALARM and OK; undefined in the fail-over deployment, whose
   * Region's topic `HojoStandby` made (same name, so NotifyOnAlarms finds it by ARN).
   */
  readonly alarmTopic: AlarmTopic | undefined;

  /**
   * The archive's ARN under a stable export name: the API stack imports it by this name, so the
   * one acknowledged wildcard on archive objects names a resource that does not change between synths.
   */
  get archiveArnExport(): string {
    return `${this.stackName}-ArchiveBucketArn`;
  }

  /** The export of a queue family's URL template (`…/hojo-postings-{shard}.fifo`), imported by the API stack. */
  queueUrlTemplateExport(key: QueueKey): string {
    return `${this.stackName}-${queueConstructId(key)}UrlTemplate`;
  }

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const adopted = props.config.adoptTable;
    this.alarmTopic = adopted
      ? undefined
      : new AlarmTopic(this, 'Alarms', { emails: props.config.alarmEmails, urls: props.config.alarmUrls });
    const standby = props.config.standbyRegion;
    this.table = new HojoTable(this, 'Ledger', {
      declaration: table,
      global: props.config.target === 'aws',
      replicaRegion: standby,
      adopt: adopted,
    });
    // An adopted table's alarms watch it by name like any other: its throttles are this Region's problem now.
    tableThrottleAlarms(this.table, this.table.table);
    this.archive = adopted
      ? { bucket: Bucket.fromBucketName(this, 'Archive', archiveReplicaName(this.region)) }
      : new ArchiveBucket(this, 'Archive', {
          declaration: buckets.archive,
          replicateTo: standby
            ? Bucket.fromBucketArn(this, 'ArchiveReplica', `arn:${Aws.PARTITION}:s3:::${archiveReplicaName(standby)}`)
            : undefined,
          replicaArnAsNagSees: standby
            ? `arn:<AWS::Partition>:s3:::${buckets.archive.name}-replica-<AWS::AccountId>-${standby}`
            : undefined,
        });
    if (props.config.target === 'aws') {
      const copyTo = [
        ...(standby
          ? [
              this.formatArn({
                service: 'backup',
                region: standby,
                resource: 'backup-vault',
                resourceName: backupVaultName,
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              }),
            ]
          : []),
        ...props.config.backupCopyVaultArns,
      ].map((arn, index) => BackupVault.fromBackupVaultArn(this, `BackupCopy${index}`, arn));
      // Fail-over: the adopted table is backed up into HojoStandby's locked vault of this Region.
      const vault = adopted ? BackupVault.fromBackupVaultName(this, 'StandbyVault', backupVaultName) : undefined;
      this.backup = new LedgerBackup(this, 'LedgerBackup', { table: this.table.table, copyTo, vault });
    }
    this.identity =
      props.config.target === 'aws'
        ? new Identity(this, 'Identity', {
            domainPrefix: props.config.authDomainPrefix,
            callbackUrls: props.config.oauthCallbackUrls,
            logRetention: retentionOf(props.config.logRetentionDays),
            governmentClients: props.config.stackMachineClients,
          })
        : undefined;
    this.residents =
      props.config.target === 'aws'
        ? new ResidentIdentity(this, 'Residents', {
            domainPrefix: `${props.config.authDomainPrefix}-residents`,
            callbackUrls: props.config.residentCallbackUrls,
            logRetention: retentionOf(props.config.logRetentionDays),
            email: props.config.residentEmail,
          })
        : undefined;
    const families = new Map<QueueKey, QueueFamily>();
    for (const [key, plan] of props.queueFamilies) {
      const family = new QueueFamily(this, queueConstructId(key), {
        declaration: queues[key],
        plan,
        membersOf: key === 'postings' ? postingsShardMembers(plan.shardCount) : undefined,
        ageAlarm: operationalAlarms.postingsQueueAge,
        delivery: deliveryPlans[key],
      });
      families.set(key, family);
      new CfnOutput(this, `${queueConstructId(key)}UrlTemplate`, {
        value: family.urlTemplate,
        exportName: this.queueUrlTemplateExport(key),
        description: `${queues[key].name}: ${plan.shardCount} shards; {shard} is the three-digit shard number`,
      });
    }
    this.queueFamilies = families;
    // The unsharded queues (settlement) hold accepted work too: here, retained (issue #19, finding 4).
    const unsharded: Partial<Record<QueueKey, WorkQueue>> = {};
    for (const key of Object.keys(queues) as QueueKey[]) {
      if (props.queueFamilies.has(key)) continue;
      unsharded[key] = buildWorkQueue(new Construct(this, queueConstructId(key)), {
        declaration: queues[key],
        delivery: deliveryPlans[key],
        removalPolicy: RemovalPolicy.RETAIN,
        ageAlarm: operationalAlarms.settlementQueueAge,
      });
    }
    this.workQueues = unsharded;

    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic?.topic.topicArn ?? alarmTopicArn(this) });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.archive.bucket.bucketName });
    new CfnOutput(this, 'ArchiveBucketArn', { value: this.archive.bucket.bucketArn, exportName: this.archiveArnExport });
    if (this.identity) {
      new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
      const governments = this.identity.governmentClients;
      if (governments.length > 0) {
        // One output, in HOJO_MACHINE_CLIENTS' format, for `npm run machine-clients -- register-all`.
        new CfnOutput(this, 'MachineClients', {
          description:
            'clientId=role@government+… of the machine clients the stack made: register them with npm run machine-clients -- register-all',
          value: Fn.join(
            ',',
            governments.map((entry) => Fn.join('', [entry.client.userPoolClientId, `=${machineClientSpec(entry)}`])),
          ),
        });
      }
    }
    if (this.residents) {
      new CfnOutput(this, 'ResidentUserPoolId', { value: this.residents.userPool.userPoolId });
      new CfnOutput(this, 'ResidentUserPoolClientId', { value: this.residents.client.userPoolClientId });
    }
  }
}
