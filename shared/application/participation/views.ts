import { nameOfField } from '#shared/domain/budget/classification.ts';
import { allowedActions } from '#shared/domain/participation/cycle.ts';
import type { CycleRecord } from '#shared/stores/participation/cycle.ts';
import type { ProposalRecord } from '#shared/stores/participation/proposals.ts';
import type { Cycle, PublicProposal } from '#shared/schemas/participation.ts';

/** The cycle as the API shows it: the actions allowed now, never the result (it has its own operation). */
export const cycleView = (record: CycleRecord): Cycle => {
  const { result: _result, ...cycle } = record;
  return { ...cycle, allowedActions: allowedActions(record.state) };
};

/** A proposal as everyone may see it: never who proposed it; its votes only once the cycle is closed. */
export const publicView = (record: ProposalRecord, showVotes: boolean): PublicProposal => ({
  proposalId: record.proposalId,
  title: record.title,
  description: record.description,
  estimatedCost: record.estimatedCost,
  field: record.field,
  fieldName: nameOfField(record.field),
  state: record.state,
  exclusionReasons: [...record.exclusionReasons],
  ...(record.reviewNote === undefined ? {} : { reviewNote: record.reviewNote }),
  ...(showVotes ? { votes: record.votes } : {}),
  submittedAt: record.submittedAt,
});
