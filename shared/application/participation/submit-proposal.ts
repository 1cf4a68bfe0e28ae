import { proposalTarget } from '#shared/application/participation/audit-targets.ts';
import { requireCycle } from '#shared/application/participation/lookups.ts';
import { publicView } from '#shared/application/participation/views.ts';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { cycleNotIn, cycleStateRefusal } from '#shared/domain/participation/cycle.ts';
import { proposalCostRefusal } from '#shared/domain/participation/proposal.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { insertProposal, newProposalId } from '#shared/stores/participation/proposals.ts';
import type { ProposalInput, ProposalRecord } from '#shared/stores/participation/proposals.ts';
import type { PublicProposal } from '#shared/schemas/participation.ts';

const operation = 'submitting a proposal';

/**
 * A resident's proposal, while the cycle takes proposals and within its budget cap. The write is
 * conditional on the cycle still taking proposals, so none lands after review started.
 */
export async function submitProposal(
  request: RequestInfo,
  gov: string,
  year: number,
  proposer: string,
  input: ProposalInput,
): Promise<PublicProposal> {
  const cycle = await requireCycle(gov, year);
  const refusal = cycleStateRefusal(cycle.state, 'proposals-open', operation) ?? proposalCostRefusal(input.estimatedCost, cycle.budgetCap);
  if (refusal) throw new Refused(refusal);
  const record: ProposalRecord = {
    ...input,
    proposalId: newProposalId(request.receivedAt),
    proposer,
    state: 'submitted',
    exclusionReasons: [],
    votes: 0,
    submittedAt: request.receivedAt,
  };
  const audit = auditRecord(request, {
    gov,
    operation: 'participation.proposal.submit',
    target: proposalTarget(gov, year, record.proposalId),
  });
  const outcome = await insertProposal(gov, year, record, audit);
  if (!outcome.ok) throw new Refused(cycleNotIn((await requireCycle(gov, year)).state, 'proposals-open', operation));
  return publicView(record, false);
}
