import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';

/** The audit record of an official's request to run a closing now (`.backfill`: deliberately before its time). */
export async function auditClosingRequest(job: ClosingJob, request: AuditedRequest, backfill = false): Promise<void> {
  const audit = auditPut(
    tableName(),
    auditRecord(request, {
      gov: job.gov,
      operation: backfill ? 'requestClosing.backfill' : 'requestClosing',
      target: `closing ${job.gov}/${job.period.kind}/${job.period.id}`,
    }),
  );
  await dynamoClient().send(new PutCommand(audit.Put));
}
