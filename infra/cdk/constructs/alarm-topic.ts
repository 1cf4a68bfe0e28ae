import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { IAspect } from 'aws-cdk-lib';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { IConstruct } from 'constructs';

/** The topic's fixed name: every alarm of a stack names it by ARN, without a cross-stack reference. */
export const alarmTopicName = 'hojo-alarms';

export interface AlarmTopicProps {
  /** E-mail addresses subscribed (each confirms by mail). From context `alarmEmails`. */
  readonly emails: readonly string[];
  /** HTTPS endpoints subscribed (a paging service, a chat webhook). From context `alarmUrls`. */
  readonly urls: readonly string[];
}

/**
 * Where alarms reach people: one SNS topic per Region (`hojo-alarms`), TLS only, encrypted with a
 * key of its own (CloudWatch cannot publish to a topic under the AWS-managed SNS key), with the
 * subscriptions the operator configures. Every alarm of the app sends ALARM and OK here
 * (NotifyOnAlarms).
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const key = new Key(this, 'Key', { enableKeyRotation: true, description: 'hojo alarm topic: CloudWatch alarms publish through it' });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'Topic', { topicName: alarmTopicName, masterKey: key, enforceSSL: true, displayName: 'hojo alarms' });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    for (const email of props.emails) this.topic.addSubscription(new EmailSubscription(email));
    for (const url of props.urls) this.topic.addSubscription(new UrlSubscription(url));
  }
}

/** The alarm topic's ARN in the account and Region of `scope`'s stack. */
export function alarmTopicArn(scope: IConstruct): string {
  return Stack.of(scope).formatArn({ service: 'sns', resource: alarmTopicName, arnFormat: ArnFormat.NO_RESOURCE_NAME });
}

/**
 * Sends every alarm's ALARM and OK to the topic of its Region, so no alarm pages nobody (issue #19,
 * finding 2). An aspect, so that alarms added later (by any construct) are covered too.
 */
export class NotifyOnAlarms implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnAlarm)) return;
    const arn = alarmTopicArn(node);
    node.alarmActions = [arn];
    node.okActions = [arn];
  }
}
