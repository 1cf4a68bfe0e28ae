import { Duration, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { IBackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/**
 * Retention of the monthly backups: 10 years, as long as the archived reports they are the source of
 * (write-once archive, shared/resources.ts objectLockRetentionDays 3650).
 */
export const legalRetentionDays = 3650;
/** Daily backups, for a restore to a recent day beyond PITR's 35 days window being too fine. */
export const dailyRetentionDays = 35;
export const backupVaultName = 'hojo-ledger';

/**
 * A backup vault under Vault Lock in compliance mode: after the 3-day cooling-off nobody (root
 * included) can delete a recovery point before its retention or shorten the lock.
 */
export function lockedVault(scope: Construct, id: string): BackupVault {
  return new BackupVault(scope, id, {
    backupVaultName,
    lockConfiguration: {
      minRetention: Duration.days(dailyRetentionDays),
      maxRetention: Duration.days(legalRetentionDays + 30),
      changeableFor: Duration.days(3),
    },
  });
}

export interface LedgerBackupProps {
  readonly table: ITable;
  /** Vaults of another Region and/or account that receive a copy of every backup. */
  readonly copyTo: readonly IBackupVault[];
  /**
   * The vault that already exists in the Region (the fail-over deployment: `HojoStandby`'s locked
   * `hojo-ledger`, which a second vault of that name would collide with). @default a new locked vault
   */
  readonly vault?: IBackupVault;
}

/**
 * AWS Backup for the ledger table (issue #19, finding 5), beside its point-in-time recovery: a daily
 * backup kept 35 days and a monthly one kept 10 years, both in a locked vault and copied to the
 * configured vaults (standby Region, backup account).
 */
export class LedgerBackup extends Construct {
  readonly vault: IBackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: LedgerBackupProps) {
    super(scope, id);
    this.vault = props.vault ?? lockedVault(this, 'Vault');
    const copies = (days: number) =>
      props.copyTo.map((destinationBackupVault) => ({ destinationBackupVault, deleteAfter: Duration.days(days) }));
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: 'hojo-ledger',
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: Schedule.cron({ minute: '0', hour: '18' }), // 03:00 KST, after the daily closing
          deleteAfter: Duration.days(dailyRetentionDays),
          copyActions: copies(dailyRetentionDays),
        }),
        new BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: Schedule.cron({ minute: '0', hour: '20', day: '2' }), // after the monthly closing
          deleteAfter: Duration.days(legalRetentionDays),
          copyActions: copies(legalRetentionDays),
        }),
      ],
    });
    const selection = this.plan.addSelection('Ledger', { resources: [BackupResource.fromDynamoDbTable(props.table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service role policy (AWSBackupServiceRolePolicyForBackup), maintained by AWS for exactly the backup jobs this selection runs.",
    });
  }
}
