import { DefaultStackSynthesizer, DockerImage, Stack, Token, Validations } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { ConsoleConfig } from '#infra/console/config.ts';
import { consoleSourceDir, writeConsoleSync } from '#infra/console/build.ts';
import { accessLogBucket, privateBucket } from '#infra/cdk/constructs/access-log-bucket.ts';

export interface ConsoleSiteProps {
  /** The console's config.json: the Cognito issuer and app client, the API's URL. */
  readonly config: ConsoleConfig;
  /** The key prefix the files are written under, the path a distribution serves them at (e.g. `console/`). @default none */
  readonly keyPrefix?: string;
}

/**
 * The web console on AWS: a private bucket (public access blocked, no website endpoint, TLS only,
 * encrypted, access logs in a bucket of its own) holding the built console and its config.json,
 * for a CloudFront distribution to serve through origin access control. The console is built by
 * esbuild at synthesis (the asset's local bundling, no Docker) from `infra/console/`.
 */
export class ConsoleSite extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    this.accessLogs = accessLogBucket(this, 'AccessLogs', { of: 'the console bucket' });
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucket,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'console/',
    });
    const deployment = new BucketDeployment(this, 'Files', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: props.keyPrefix,
      sources: [
        Source.asset(consoleSourceDir, {
          bundling: {
            // esbuild runs here, in the synthesizing process; the image is never pulled.
            image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
            local: {
              tryBundle(outputDir) {
                writeConsoleSync(outputDir);
                return true;
              },
            },
          },
        }),
        Source.jsonData('config.json', props.config),
      ],
      // The page asks again each time (no-cache revalidates); a new deployment is seen at once.
      cacheControl: [CacheControl.noCache()],
      prune: true,
    });
    // The copying function is a singleton of the stack (shared by every BucketDeployment in it), not a child of this construct.
    const stack = Stack.of(this);
    const copier = stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    const literal = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
    // The CDK bootstrap's asset bucket (default qualifier), as cdk-nag prints it.
    const assets = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${literal(stack.account, '<AWS::AccountId>')}-${literal(stack.region, '<AWS::Region>')}/*`;
    const copyReason =
      'The CDK BucketDeployment custom resource copies the console asset into the console bucket: it reads the asset objects and writes and prunes every key of this one bucket.';
    const acknowledgements = [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK BucketDeployment custom resource logs through AWSLambdaBasicExecutionRole (CloudWatch Logs only).',
      },
      ...[
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        `Resource::${assets}`,
      ]
        .concat(`Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*`)
        .map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: copyReason })),
      { id: 'AwsSolutions-L1', reason: 'The CDK BucketDeployment custom resource pins its own runtime; it runs only at deployment.' },
    ];
    for (const scope of [deployment, ...copier])
      for (const acknowledgement of acknowledgements) Validations.of(scope).acknowledge(acknowledgement);
  }
}
