import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { EdgeWebAcl } from '#infra/cdk/constructs/edge-web-acl.ts';
import type { EdgeRateLimits } from '#infra/cdk/constructs/edge-web-acl.ts';

/** CloudFront takes web ACLs from this Region only. */
export const edgeRegion = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  readonly logRetention: RetentionDays;
  readonly rateLimits?: EdgeRateLimits;
}

/**
 * The one thing hojo keeps outside the operator's Regions: the CloudFront web ACL, which AWS
 * creates only in us-east-1. It holds rules and request logs (addresses, paths, no bodies, the
 * Authorization header redacted), no public-finance data. The web stack in the home Region reads
 * its ARN through CDK's cross-Region references (an SSM parameter written there at deployment).
 */
export class EdgeStack extends Stack {
  readonly webAcl: EdgeWebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.webAcl = new EdgeWebAcl(this, 'Waf', { logRetention: props.logRetention, rateLimits: props.rateLimits });
  }

  get webAclArn(): string {
    return this.webAcl.webAcl.attrArn;
  }
}
