import { cycleTarget } from '#shared/application/participation/audit-targets.ts';
import { cycleView } from '#shared/application/participation/views.ts';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { insertCycle } from '#shared/stores/participation/cycle.ts';
import type { CycleRecord } from '#shared/stores/participation/cycle.ts';
import type { Cycle } from '#shared/schemas/participation.ts';

/** Opens the participatory budgeting cycle of a year, taking proposals; a government has one cycle a year. */
export async function createCycle(
  request: RequestInfo,
  gov: string,
  year: number,
  settings: { voteLimit: number; budgetCap: number },
): Promise<Cycle> {
  const record: CycleRecord = {
    gov,
    year,
    state: 'proposals-open',
    ...settings,
    proposals: 0,
    pendingReview: 0,
    createdAt: request.receivedAt,
  };
  const audit = auditRecord(request, { gov, operation: 'participation.cycle.create', target: cycleTarget(gov, year) });
  const outcome = await insertCycle(record, audit);
  if (!outcome.ok)
    throw conflict('participation-cycle-exists', `government ${gov} already has a participatory budgeting cycle for ${year}`);
  return cycleView(record);
}
