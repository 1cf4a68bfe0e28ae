import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing-run.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { enqueueClosing } from '#shared/stores/settlement/queue.ts';

/** An official's request to run a closing now: audited, then queued like the scheduled ones. */
export async function requestClosing(job: ClosingJob, request: RequestInfo): Promise<string> {
  const audit = auditPut(
    tableName(),
    auditRecord(request, { gov: job.gov, operation: 'requestClosing', target: `closing ${job.gov}/${job.period.kind}/${job.period.id}` }),
  );
  await dynamoClient().send(new PutCommand(audit.Put));
  return enqueueClosing({ gov: job.gov, kind: job.period.kind, period: job.period.id });
}
