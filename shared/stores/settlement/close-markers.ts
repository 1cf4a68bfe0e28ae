import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { closingKey } from '#shared/stores/execution/posting-keys.ts';
import { closeMarkerPeriod } from '#shared/stores/settlement/keys.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { transact } from '#shared/stores/table/transact.ts';

const markerKey = (job: ClosingJob) => closingKey(job.gov, job.period.year, closeMarkerPeriod(job.period.kind, job.period.id));

/**
 * Closes the period: the marker (which execution checks in every applying write) and its audit
 * record in one transaction. Closing an already closed period changes nothing.
 */
export async function closePeriod(job: ClosingJob, request: AuditedRequest): Promise<'closed' | 'already-closed'> {
  const outcome = await transact({
    marker: {
      Put: {
        TableName: tableName(),
        Item: {
          ...markerKey(job),
          entity: 'closed-period',
          gov: job.gov,
          year: job.period.year,
          kind: job.period.kind,
          period: job.period.id,
          closedAt: request.receivedAt,
          closedBy: request.caller?.sub ?? 'system',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov: job.gov, operation: 'closePeriod', target: `period ${job.gov}/${job.period.kind}/${job.period.id}` }),
    ),
  });
  if (!outcome.ok && !outcome.failed.has('marker'))
    throw new Error(`closing ${markerKey(job).sk} failed: ${[...outcome.failed].join(', ')}`);
  return outcome.ok ? 'closed' : 'already-closed';
}

export async function isPeriodClosed(job: ClosingJob): Promise<boolean> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: markerKey(job), ConsistentRead: true }));
  return Item !== undefined;
}
