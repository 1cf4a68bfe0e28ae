import { describe, expect, it } from 'vitest';
import { getResult } from '#shared/application/participation/get-result.ts';
import { listProposals } from '#shared/application/participation/list-proposals.ts';
import {
  createParticipationCycle,
  getMyParticipationRecords,
  getParticipationCycle,
  listParticipationProposals,
  reviewParticipationProposal,
  transitionParticipationCycle,
  voteForParticipationProposal,
} from '#shared/routes/participation.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';
import { enrolResident } from '#test/support/residents.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

// A government and year no other test opens a cycle for.
const gov = '11140';
const year = 2029;
const officer: TestCaller = { sub: 'bo-refusals', roles: ['budget_officer'], gov };
const resident: TestCaller = { sub: 'res-refusals', roles: ['resident'], gov };
await enrolResident(resident.sub, gov);
const unknownProposal = 'P0000000000000000000';

describe('participation refuses what is not there', () => {
  it('answers 404 for a cycle that was never opened, on every operation that needs it', async () => {
    const cycle = await callRoute(getParticipationCycle, { params: { gov, year } });
    expect(cycle.status).toBe(404);
    expect(cycle.body).toMatchObject({ code: 'participation-cycle-not-found', status: 404 });
    const mine = await callRoute(getMyParticipationRecords, { params: { gov, year }, caller: resident });
    expect(mine.body.code).toBe('participation-cycle-not-found');
    expect(await problemOf(getResult(gov, year))).toMatchObject({ status: 404, code: 'participation-cycle-not-found' });
  });

  it('answers 404 for a proposal the cycle does not have', async () => {
    const created = await callRoute(createParticipationCycle, {
      params: { gov, year },
      body: { voteLimit: 1, budgetCap: 1_000_000 },
      caller: officer,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const review = await callRoute(transitionParticipationCycle, {
      params: { gov, year },
      body: { action: 'start-review' },
      caller: officer,
    });
    expect(review.status).toBe(200);
    const reviewed = await callRoute(reviewParticipationProposal, {
      params: { gov, year, proposalId: unknownProposal },
      body: { subsidyProject: false, legallyMandatory: false, feasible: true },
      caller: officer,
    });
    expect(reviewed.status).toBe(404);
    expect(reviewed.body.code).toBe('proposal-not-found');
  });

  it('refuses a vote while the cycle is not voting before looking at the proposal', async () => {
    const vote = await callRoute(voteForParticipationProposal, { params: { gov, year, proposalId: unknownProposal }, caller: resident });
    expect(vote.status).toBe(409);
    expect(vote.body).toMatchObject({ code: 'cycle-not-voting', context: { state: 'review', needed: 'voting' } });
  });

  it('refuses a proposal cursor this listing did not return', async () => {
    const forged = Buffer.from('VOTE#11140-2029#someone#P1').toString('base64url');
    const listed = await callRoute(listParticipationProposals, { params: { gov, year }, query: { cursor: forged } });
    expect(listed.status).toBe(400);
    expect(listed.body.code).toBe('invalid-cursor');
    expect(await problemOf(listProposals(gov, year, { cursor: 'garbage' }))).toMatchObject({ status: 400, code: 'invalid-cursor' });
  });

  it('has no result before the cycle closes', async () => {
    expect(await problemOf(getResult(gov, year))).toMatchObject({ status: 404, code: 'result-not-published' });
  });
});
