import { governmentRead, governmentWrite, publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import {
  cycle,
  cycleBody,
  cycleTransitionBody,
  myRecords,
  participationResult,
  proposalBody,
  proposalList,
  proposalListQuery,
  proposalParams,
  publicProposal,
  reviewBody,
  voteReceipt,
} from '#shared/schemas/participation.ts';

const tags = ['Participatory budgeting (주민참여예산)'];
const base = '/governments/{gov}/participation/{year}';

export const createParticipationCycle = defineRoute({
  id: 'createParticipationCycle',
  method: 'POST',
  path: `${base}/cycle`,
  handler: 'participation/create-cycle',
  summary: 'Open the year’s participatory budgeting cycle for proposals, with the vote limit and budget cap',
  tags,
  access: governmentWrite('budget_officer'),
  params: govYearParams,
  body: cycleBody,
  response: cycle,
  status: 201,
  maxBodyBytes: 1024,
});

export const getParticipationCycle = defineRoute({
  id: 'getParticipationCycle',
  method: 'GET',
  path: `${base}/cycle`,
  handler: 'participation/get-cycle',
  summary: 'The cycle: state, vote limit, budget cap, counts and the actions allowed now (public)',
  tags,
  access: publicAccess,
  params: govYearParams,
  response: cycle,
});

export const transitionParticipationCycle = defineRoute({
  id: 'transitionParticipationCycle',
  method: 'POST',
  path: `${base}/cycle/transitions`,
  handler: 'participation/transition-cycle',
  summary:
    'Move the cycle on: start-review, reopen-proposals, open-voting (every proposal reviewed), close (counts and publishes the result)',
  description:
    'An action the current state does not allow is answered 409 illegal-cycle-transition naming the state and the allowed actions.',
  tags,
  access: governmentWrite('budget_officer'),
  params: govYearParams,
  body: cycleTransitionBody,
  response: cycle,
  maxBodyBytes: 1024,
});

export const submitParticipationProposal = defineRoute({
  id: 'submitParticipationProposal',
  method: 'POST',
  path: `${base}/proposals`,
  handler: 'participation/submit-proposal',
  summary: 'A resident of the government proposes a project while proposals are open',
  tags,
  access: governmentWrite('resident'),
  params: govYearParams,
  body: proposalBody,
  response: publicProposal,
  status: 201,
  maxBodyBytes: 32 * 1024,
});

export const listParticipationProposals = defineRoute({
  id: 'listParticipationProposals',
  method: 'GET',
  path: `${base}/proposals`,
  handler: 'participation/list-proposals',
  summary: 'The cycle’s proposals in submission order (public; never who proposed or voted; vote counts once closed)',
  tags,
  access: publicAccess,
  params: govYearParams,
  query: proposalListQuery,
  response: proposalList,
});

export const reviewParticipationProposal = defineRoute({
  id: 'reviewParticipationProposal',
  method: 'POST',
  path: `${base}/proposals/{proposalId}/review`,
  handler: 'participation/review-proposal',
  summary: 'The committee’s review: subsidy projects, legally mandatory spending and infeasible projects are excluded with their reasons',
  tags,
  access: governmentWrite('budget_officer'),
  params: proposalParams,
  body: reviewBody,
  response: publicProposal,
  maxBodyBytes: 8 * 1024,
});

export const voteForParticipationProposal = defineRoute({
  id: 'voteForParticipationProposal',
  method: 'POST',
  path: `${base}/proposals/{proposalId}/votes`,
  handler: 'participation/cast-vote',
  summary: 'A resident of the government votes for an eligible proposal: once per proposal, at most the vote limit per cycle',
  tags,
  access: governmentWrite('resident'),
  params: proposalParams,
  response: voteReceipt,
  status: 201,
});

export const getMyParticipationRecords = defineRoute({
  id: 'getMyParticipationRecords',
  method: 'GET',
  path: `${base}/my-records`,
  handler: 'participation/get-my-records',
  summary: 'The calling resident’s own proposals and votes in the cycle (nobody reads another resident’s)',
  tags,
  access: governmentRead('resident'),
  params: govYearParams,
  response: myRecords,
});

export const getParticipationResult = defineRoute({
  id: 'getParticipationResult',
  method: 'GET',
  path: `${base}/result`,
  handler: 'participation/get-result',
  summary: 'The selected proposals of a closed cycle, ordered by votes, within the budget cap (public)',
  tags,
  access: publicAccess,
  params: govYearParams,
  response: participationResult,
});
