import { cycleTarget } from '#shared/application/participation/audit-targets.ts';
import { requireCycle } from '#shared/application/participation/lookups.ts';
import { cycleView } from '#shared/application/participation/views.ts';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { decideCycleTransition, illegalCycleTransition, proposalsUnreviewed } from '#shared/domain/participation/cycle.ts';
import type { CycleAction, CycleState } from '#shared/domain/participation/cycle.ts';
import { cycleResult } from '#shared/domain/participation/result.ts';
import type { CycleResult } from '#shared/domain/participation/result.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { changeCycleState } from '#shared/stores/participation/cycle.ts';
import type { CycleRecord } from '#shared/stores/participation/cycle.ts';
import { eligibleProposals } from '#shared/stores/participation/proposals.ts';
import type { Cycle } from '#shared/schemas/participation.ts';

/**
 * Takes a cycle action. Each state change is one conditional write with its audit record. `close`
 * is two of them: voting → counting stops the votes (a vote's own write checks the state), then the
 * result is computed from the settled counts and published with counting → closed. A close cut
 * short after counting is resumed by sending `close` again.
 */
export async function transitionCycle(request: RequestInfo, gov: string, year: number, action: CycleAction): Promise<Cycle> {
  let cycle = await requireCycle(gov, year);
  const decision = decideCycleTransition(cycle.state, action);
  if (!decision.ok) throw new Refused(decision.refusal);
  if (action !== 'close') return cycleView(await changeState(request, cycle, decision.transition.to, action));
  if (cycle.state === 'voting') cycle = await changeState(request, cycle, 'counting', 'stop-voting');
  const result = cycleResult(await eligibleProposals(gov, year), cycle.budgetCap, request.receivedAt);
  return cycleView(await changeState(request, cycle, 'closed', action, result));
}

/** The audited operation: a cycle action, or the first half of `close`. */
type CycleOperation = CycleAction | 'stop-voting';

async function changeState(
  request: RequestInfo,
  cycle: CycleRecord,
  to: CycleState,
  operation: CycleOperation,
  result?: CycleResult,
): Promise<CycleRecord> {
  const { gov, year } = cycle;
  // Voting opens only when every proposal is reviewed; the write checks the count with the state.
  const noPendingReview = to === 'voting';
  const audit = auditRecord(request, { gov, operation: `participation.cycle.${operation}`, target: cycleTarget(gov, year) });
  const change = { from: cycle.state, to, noPendingReview, ...(result ? { result } : {}) };
  const outcome = await changeCycleState(gov, year, change, audit);
  if (!outcome.ok) throw new Refused(await whyUnchanged(cycle, noPendingReview, operation));
  return { ...cycle, state: to, ...(result ? { result } : {}) };
}

/** The write's condition failed: the state moved under us, or (its state unchanged) a proposal still waits for review. */
async function whyUnchanged(cycle: CycleRecord, noPendingReview: boolean, operation: CycleOperation) {
  const current = await requireCycle(cycle.gov, cycle.year);
  if (noPendingReview && current.state === cycle.state) return proposalsUnreviewed(current.pendingReview);
  return illegalCycleTransition(current.state, operation === 'stop-voting' ? 'close' : operation);
}
