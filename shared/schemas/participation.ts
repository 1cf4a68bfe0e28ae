import * as z from 'zod';
import { functionalFields } from '#shared/domain/budget/classification.ts';
import { cycleActions, cycleStates } from '#shared/domain/participation/cycle.ts';
import { exclusionReasons, proposalStates } from '#shared/domain/participation/review.ts';
import { fiscalYear, govCode, positiveWon, text } from '#shared/schemas/common.ts';

const fieldCodes = new Set(functionalFields.map((field) => field.code));

/** 분야 code of the functional classification (14 fields), e.g. 060 문화 및 관광. */
export const fieldCode = z.string().refine((code) => fieldCodes.has(code), 'unknown 분야 (functional field) code');

export const proposalId = z.string().regex(/^P[0-9a-z]{10,40}$/, 'a proposal id as returned when the proposal was submitted');

export const cycleBody = z.strictObject({
  voteLimit: z.number().int().min(1).max(20).describe('votes each resident may cast in the cycle (one per proposal)'),
  budgetCap: positiveWon.describe('won the selected proposals may cost together'),
});

export const cycle = z.object({
  gov: z.string(),
  year: z.number().int(),
  state: z.enum(cycleStates),
  voteLimit: z.number().int(),
  budgetCap: z.number().int(),
  proposals: z.number().int().describe('proposals submitted'),
  pendingReview: z.number().int().describe('proposals the committee has not reviewed yet'),
  allowedActions: z.array(z.enum(cycleActions)),
  createdAt: z.string(),
});
export type Cycle = z.infer<typeof cycle>;

export const cycleTransitionBody = z.strictObject({ action: z.enum(cycleActions) });

export const proposalBody = z.strictObject({
  title: text({ min: 2, max: 100 }),
  description: text({ min: 10, max: 4000 }),
  estimatedCost: positiveWon.describe('estimated cost in won'),
  field: fieldCode,
});

/** A proposal as everyone may see it: never who proposed it; votes only once the cycle is closed. */
export const publicProposal = z.object({
  proposalId: z.string(),
  title: z.string(),
  description: z.string(),
  estimatedCost: z.number().int(),
  field: z.string(),
  fieldName: z.string(),
  state: z.enum(proposalStates),
  exclusionReasons: z.array(z.enum(exclusionReasons)),
  reviewNote: z.string().optional(),
  votes: z.number().int().optional().describe('published when the cycle is closed'),
  submittedAt: z.string(),
});
export type PublicProposal = z.infer<typeof publicProposal>;

export const proposalList = z.object({ items: z.array(publicProposal), cursor: z.string().optional() });
export const proposalListQuery = z.strictObject({
  state: z.enum(proposalStates).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: text({ max: 600, trim: false }).optional(),
});

export const proposalParams = z.strictObject({ gov: govCode, year: fiscalYear, proposalId });

export const reviewBody = z.strictObject({
  subsidyProject: z.boolean().describe('a national or provincial subsidy project (excluded)'),
  legallyMandatory: z.boolean().describe('spending the law already makes mandatory (excluded)'),
  feasible: z.boolean().describe('the committee finds it feasible'),
  note: text({ max: 1000 }).optional(),
});

export const vote = z.object({ proposalId: z.string(), votedAt: z.string() });
export const voteReceipt = vote.extend({ votesUsed: z.number().int(), voteLimit: z.number().int() });

export const myRecords = z.object({
  proposals: z.array(publicProposal),
  votes: z.array(vote),
  votesUsed: z.number().int(),
  voteLimit: z.number().int(),
});

export const participationResult = z.object({
  gov: z.string(),
  year: z.number().int(),
  budgetCap: z.number().int(),
  selectedTotal: z.number().int(),
  selected: z.array(
    z.object({
      rank: z.number().int(),
      proposalId: z.string(),
      title: z.string(),
      field: z.string(),
      estimatedCost: z.number().int(),
      votes: z.number().int(),
    }),
  ),
  closedAt: z.string(),
});
