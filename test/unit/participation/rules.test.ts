import { describe, expect, it } from 'vitest';
import { proposalCostRefusal } from '#shared/domain/participation/proposal.ts';
import { cycleResult, resultNotPublished } from '#shared/domain/participation/result.ts';
import { alreadyReviewed, proposalStates, reviewRefusal } from '#shared/domain/participation/review.ts';
import { alreadyVoted, eligibilityRefusal, voteLimitReached } from '#shared/domain/participation/voting.ts';

describe('a proposal against the budget cap', () => {
  it('takes a proposal that fits in the cap, up to the cap itself', () => {
    expect(proposalCostRefusal(99, 100)).toBeUndefined();
    expect(proposalCostRefusal(100, 100)).toBeUndefined();
  });

  it('refuses one that alone costs more than the cap, with the rule and the numbers', () => {
    expect(proposalCostRefusal(101, 100)).toMatchObject({
      kind: 'unprocessable',
      code: 'proposal-exceeds-cap',
      context: { rule: 'estimatedCost ≤ budgetCap', estimatedCost: 101, budgetCap: 100 },
    });
  });
});

describe('the committee reviews a proposal once', () => {
  it.each(proposalStates.filter((state) => state !== 'submitted'))('refuses a proposal already %s', (state) => {
    expect(reviewRefusal('P1', state)).toEqual(alreadyReviewed('P1', state));
    expect(alreadyReviewed('P1', state)).toMatchObject({ kind: 'conflict', code: 'proposal-already-reviewed', context: { state } });
  });

  it('reviews a submitted one', () => {
    expect(reviewRefusal('P1', 'submitted')).toBeUndefined();
  });
});

describe('the rules of a vote', () => {
  it('puts only eligible proposals on the ballot', () => {
    expect(eligibilityRefusal('P1', 'eligible')).toBeUndefined();
    expect(eligibilityRefusal('P1', 'excluded')).toMatchObject({
      kind: 'conflict',
      code: 'proposal-not-eligible',
      context: { state: 'excluded' },
    });
    expect(eligibilityRefusal('P1', 'submitted')).toMatchObject({ code: 'proposal-not-eligible', context: { state: 'submitted' } });
  });

  it('names the proposal voted for twice and the vote limit used up', () => {
    expect(alreadyVoted('P1')).toMatchObject({ kind: 'conflict', code: 'already-voted', context: { proposalId: 'P1' } });
    expect(voteLimitReached(3)).toMatchObject({
      kind: 'conflict',
      code: 'vote-limit-reached',
      context: { rule: 'votes per resident ≤ voteLimit', voteLimit: 3 },
    });
  });
});

describe('the result of a cycle', () => {
  const counted = (proposalId: string, estimatedCost: number, votes: number) => ({
    proposalId,
    title: proposalId,
    field: '060',
    estimatedCost,
    votes,
  });

  it('publishes the proposals selected within the cap, ranked, with only what is public of each', () => {
    const result = cycleResult(
      [
        { ...counted('P-a', 60, 5), description: 'not published' } as ReturnType<typeof counted>,
        counted('P-b', 50, 4),
        counted('P-c', 40, 3),
      ],
      100,
      '2027-09-30T00:00:00.000Z',
    );
    expect(result).toEqual({
      budgetCap: 100,
      selectedTotal: 100,
      selected: [
        { rank: 1, proposalId: 'P-a', title: 'P-a', field: '060', estimatedCost: 60, votes: 5 },
        { rank: 2, proposalId: 'P-c', title: 'P-c', field: '060', estimatedCost: 40, votes: 3 },
      ],
      closedAt: '2027-09-30T00:00:00.000Z',
    });
  });

  it('is not found before the cycle closes', () => {
    expect(resultNotPublished('11110', 2027, 'voting')).toMatchObject({ kind: 'not-found', code: 'result-not-published' });
    expect(resultNotPublished('11110', 2027, 'voting').detail).toContain('voting');
  });
});
