import { auditRecord } from '#shared/audit/audit-record.ts';
import { throwIf } from '#shared/application/subsidy/common.ts';
import { conflict } from '#shared/domain/refusal.ts';
import { programRefusal, statItemOf } from '#shared/domain/subsidy/program.ts';
import type { ProgramInput } from '#shared/domain/subsidy/program.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { insertProgram } from '#shared/stores/subsidy/programs.ts';
import type { ProgramRecord } from '#shared/stores/subsidy/records.ts';

/** A 사업 and its 공모 (or its recorded ground for none) on a 보조금 line. */
export async function createProgram(
  request: RequestInfo,
  gov: string,
  year: number,
  input: ProgramInput & { readonly programId: string },
): Promise<ProgramRecord> {
  throwIf(programRefusal(input));
  const record: ProgramRecord = { ...input, gov, year, statItem: statItemOf(input.lineId), decided: 0, createdAt: request.receivedAt };
  const audit = auditRecord(request, {
    gov,
    operation: 'subsidy.program.create',
    target: `subsidy-program ${gov}/${year}/${input.programId}`,
  });
  const outcome = await insertProgram(record, audit);
  if (!outcome.ok)
    throw conflict('subsidy-program-exists', `program ${input.programId} exists already in ${year}`, { programId: input.programId });
  return record;
}
