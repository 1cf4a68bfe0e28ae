import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { ProgramUnspent } from '#shared/domain/settlement/program-unspent.ts';
import { programControlKey } from '#shared/stores/budget/control-keys.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { transact } from '#shared/stores/table/transact.ts';

/** Items per transaction, leaving room for its audit record under DynamoDB's 100. */
const CHUNK = 99;

/**
 * Records the closed year's 불용액 per 정책사업 (program-unspent.ts) as the items 과년도 지출 charges
 * (execution's items.ts `program`, 지방회계법 제37조), `paidLater` at 0. Each chunk is one transaction
 * with its audit record, every item conditional on being absent: the chunks are the same on a rerun,
 * so a rerun of a chunk written before changes nothing (and never resets what was paid since).
 */
export async function recordProgramUnspent(job: ClosingJob, programs: readonly ProgramUnspent[], request: AuditedRequest): Promise<void> {
  const table = tableName();
  const { gov } = job;
  const year = job.period.year;
  for (let start = 0; start < programs.length; start += CHUNK) {
    const chunk = programs.slice(start, start + CHUNK);
    const outcome = await transact({
      programs: chunk.map((p) => ({
        Put: {
          TableName: table,
          Item: { ...programControlKey(gov, year, p.fund, p.program), entity: 'program-unspent', gov, year, ...p, paidLater: 0 },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      audit: auditPut(
        table,
        // the chunk's first 정책사업 keeps the audit records of one run's chunks apart
        auditRecord(request, {
          gov,
          operation: 'recordProgramUnspent',
          target: `program-unspent ${gov}/${year} from ${chunk[0]?.fund}/${chunk[0]?.program} (${chunk.length} 정책사업)`,
        }),
      ),
    });
    if (!outcome.ok && !outcome.failed.has('programs')) {
      throw new Error(`recording the 정책사업 불용액 of ${gov}/${year} failed: ${[...outcome.failed].join(', ')}`);
    }
  }
}
