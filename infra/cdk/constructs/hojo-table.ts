import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDeclaration } from '#shared/resources.ts';

export interface HojoTableProps {
  /** The declaration in shared/resources.ts: keys and global secondary indexes. */
  readonly declaration: TableDeclaration;
}

/**
 * The single table: on-demand capacity (January opening and December rush need no capacity
 * planning), point-in-time recovery, deletion protection, encryption with the AWS-managed key,
 * and every index of the declaration projecting all attributes. Retained when the stack is deleted.
 */
export class HojoTable extends Construct {
  readonly table: Table;
  private readonly declaration: TableDeclaration;

  constructor(scope: Construct, id: string, props: HojoTableProps) {
    super(scope, id);
    const { declaration } = props;
    this.declaration = declaration;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: declaration.partitionKey, type: AttributeType.STRING },
      sortKey: { name: declaration.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of declaration.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** ARNs of the declared indexes, named one by one so that no grant needs `index/*`. */
  get indexArns(): string[] {
    return this.declaration.globalIndexes.map((index) => `${this.table.tableArn}/index/${index.name}`);
  }
}
