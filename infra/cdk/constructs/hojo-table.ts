import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDeclaration } from '#shared/resources.ts';

export interface HojoTableProps {
  /** The declaration in shared/resources.ts: keys and global secondary indexes. */
  readonly declaration: TableDeclaration;
  /**
   * A DynamoDB global table (AWS::DynamoDB::GlobalTable) rather than a regional one: the aws target,
   * so that a standby replica can be added later without replacing the table. On-prem engines know
   * only the regional table. @default false
   */
  readonly global?: boolean;
  /** With `global`: a replica in this Region (`-c standbyRegion`), same keys, indexes, PITR and deletion protection. */
  readonly replicaRegion?: string;
  /**
   * The fail-over deployment (`-c adoptTable`): the name of a table that already exists in the stack's
   * Region (the global table's replica, or a restored recovery point). It is referenced, never
   * created, so no deployment or deletion of this stack can touch it; grants name its ARN in the
   * stack's Region. @default a new table
   */
  readonly adopt?: string;
}

/**
 * The single table: on-demand capacity (January opening and December rush need no capacity
 * planning), point-in-time recovery, deletion protection, encryption with the AWS-managed key,
 * and every index of the declaration projecting all attributes. Retained when the stack is deleted.
 * On AWS it is a global table; with a standby Region it has a replica there (issue #19, finding 5):
 * replication is asynchronous and transactions are not replicated atomically, so the application
 * writes from one Region at a time (README, Fail-over).
 */
export class HojoTable extends Construct {
  readonly table: ITable;
  private readonly declaration: TableDeclaration;

  constructor(scope: Construct, id: string, props: HojoTableProps) {
    super(scope, id);
    const { declaration } = props;
    this.declaration = declaration;
    if (props.adopt !== undefined) {
      if (props.replicaRegion)
        throw new Error('an adopted table has its replicas where its owner made them; the fail-over deployment adds none');
      this.table = Table.fromTableName(this, 'Table', props.adopt);
      return;
    }
    const keys = {
      partitionKey: { name: declaration.partitionKey, type: AttributeType.STRING },
      sortKey: { name: declaration.sortKey, type: AttributeType.STRING },
    };
    const indexes = declaration.globalIndexes.map((index) => ({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    }));
    const safeguards = {
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    if (props.global) {
      this.table = new TableV2(this, 'Table', {
        ...keys,
        ...safeguards,
        billing: Billing.onDemand(),
        encryption: TableEncryptionV2.awsManagedKey(),
        globalSecondaryIndexes: indexes,
        replicas: props.replicaRegion ? [{ region: props.replicaRegion }] : [],
      });
      return;
    }
    if (props.replicaRegion) throw new Error('a table replica needs the global table (aws target)');
    const regional = new Table(this, 'Table', {
      ...keys,
      ...safeguards,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
    });
    for (const index of indexes) regional.addGlobalSecondaryIndex(index);
    this.table = regional;
  }

  /** ARNs of the declared indexes, named one by one so that no grant needs `index/*`. */
  get indexArns(): string[] {
    return this.declaration.globalIndexes.map((index) => `${this.table.tableArn}/index/${index.name}`);
  }
}
