import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  createParticipationCycle,
  getMyParticipationRecords,
  getParticipationCycle,
  getParticipationResult,
  listParticipationProposals,
  reviewParticipationProposal,
  submitParticipationProposal,
  transitionParticipationCycle,
  voteForParticipationProposal,
} from '#shared/routes/participation.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { enrolResident } from '#test/support/residents.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const gov = '11110'; // 종로구
const otherGov = '11140'; // 중구
const year = 2027;
const officer: TestCaller = { sub: 'bo-1', roles: ['budget_officer'], gov };
const resident = (sub: string, home = gov): TestCaller => ({ sub, roles: ['resident'], gov: home });
const [alice, bob, carol] = [resident('res-alice'), resident('res-bob'), resident('res-carol')];
// Residents of the government by an approved enrolment (the registry, not the token, says where they live).
for (const { sub, gov: home } of [alice, bob, carol, resident('res-dave', otherGov)]) await enrolResident(sub, home as string);

const proposal = (title: string, estimatedCost: number, field = '060') => ({
  title,
  description: `${title}: 주민 제안 사업 설명입니다.`,
  estimatedCost,
  field,
});
const act = (action: string) => callRoute(transitionParticipationCycle, { params: { gov, year }, body: { action }, caller: officer });
const review = (proposalId: string, findings: Record<string, unknown>) =>
  callRoute(reviewParticipationProposal, {
    params: { gov, year, proposalId },
    body: { subsidyProject: false, legallyMandatory: false, feasible: true, ...findings },
    caller: officer,
  });
const voteMonths = new Set<string>();
async function vote(caller: TestCaller, proposalId: string) {
  const result = await callRoute(voteForParticipationProposal, { params: { gov, year, proposalId }, caller });
  if (result.status === 201) voteMonths.add(String(result.body.votedAt).slice(0, 7));
  return result;
}

describe('participatory budgeting through the API', () => {
  const ids: Record<string, string> = {};

  it('opens a cycle once; a second is 409; the cycle is public', async () => {
    const created = await callRoute(createParticipationCycle, {
      params: { gov, year },
      body: { voteLimit: 2, budgetCap: 100_000_000 },
      caller: officer,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ state: 'proposals-open', voteLimit: 2, budgetCap: 100_000_000, allowedActions: ['start-review'] });
    const again = await callRoute(createParticipationCycle, {
      params: { gov, year },
      body: { voteLimit: 3, budgetCap: 1 },
      caller: officer,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('participation-cycle-exists');
    expect((await callRoute(getParticipationCycle, { params: { gov, year } })).body.voteLimit).toBe(2);
  });

  it('takes proposals from its own residents only (the tenant rule answers 403 for another government)', async () => {
    const cases = [
      ['library', alice, proposal('골목 작은도서관', 60_000_000)],
      ['crosswalk', bob, proposal('통학로 횡단보도 개선', 30_000_000, '020')],
      ['bench', bob, proposal('공원 벤치 교체', 20_000_000, '070')],
      ['subsidy', carol, proposal('국고보조 하천 정비', 50_000_000, '070')],
    ] as const;
    for (const [key, caller, body] of cases) {
      const submitted = await callRoute(submitParticipationProposal, { params: { gov, year }, body, caller });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      expect(submitted.body).not.toHaveProperty('proposer');
      ids[key] = submitted.body.proposalId;
    }
    const outsider = await callRoute(submitParticipationProposal, {
      params: { gov, year },
      body: proposal('타 지역 제안', 1_000_000),
      caller: resident('res-dave', otherGov),
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('other-government');
    const overCap = await callRoute(submitParticipationProposal, {
      params: { gov, year },
      body: proposal('너무 큰 사업', 100_000_001),
      caller: alice,
    });
    expect(overCap.status).toBe(422);
    expect(overCap.body).toMatchObject({ code: 'proposal-exceeds-cap', context: { estimatedCost: 100_000_001, budgetCap: 100_000_000 } });
    const unknownField = await callRoute(submitParticipationProposal, {
      params: { gov, year },
      body: proposal('분야 오류', 1_000, '999'),
      caller: alice,
    });
    expect(unknownField.status).toBe(400);
    const extraField = await callRoute(submitParticipationProposal, {
      params: { gov, year },
      body: { ...proposal('필드 추가', 1_000), proposer: 'x' },
      caller: alice,
    });
    expect(extraField.status).toBe(400);
  });

  it('refuses votes before voting, and voting before every proposal is reviewed', async () => {
    const early = await vote(alice, ids.library!);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('cycle-not-voting');
    expect((await act('open-voting')).body).toMatchObject({
      status: 409,
      code: 'illegal-cycle-transition',
      context: { state: 'proposals-open', allowedActions: ['start-review'] },
    });
    expect((await act('start-review')).body.state).toBe('review');
    const late = await callRoute(submitParticipationProposal, { params: { gov, year }, body: proposal('늦은 제안', 1_000), caller: alice });
    expect(late.body.code).toBe('cycle-not-proposals-open');
    for (const key of ['library', 'crosswalk', 'bench']) expect((await review(ids[key]!, {})).body.state).toBe('eligible');
    const pending = await act('open-voting');
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({ code: 'proposals-unreviewed', context: { pendingReview: 1 } });
    const excluded = await review(ids.subsidy!, { subsidyProject: true, note: '국고보조사업' });
    expect(excluded.body).toMatchObject({
      state: 'excluded',
      exclusionReasons: ['national-or-provincial-subsidy'],
      reviewNote: '국고보조사업',
    });
    expect((await review(ids.subsidy!, {})).body.code).toBe('proposal-already-reviewed');
    expect((await act('open-voting')).body.state).toBe('voting');
  });

  it('counts each resident once per proposal and at most the vote limit per cycle', async () => {
    const first = await vote(alice, ids.library!);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ proposalId: ids.library, votesUsed: 1, voteLimit: 2 });
    const twice = await vote(alice, ids.library!);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already-voted');
    expect((await vote(alice, ids.crosswalk!)).status).toBe(201);
    const third = await vote(alice, ids.bench!);
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'vote-limit-reached', context: { voteLimit: 2 } });
    expect((await vote(alice, ids.subsidy!)).body.code).toBe('proposal-not-eligible');
    expect((await vote(bob, ids.crosswalk!)).status).toBe(201);
    expect((await vote(carol, ids.crosswalk!)).status).toBe(201);
    expect((await vote(carol, ids.bench!)).status).toBe(201);
    expect((await vote(resident('res-dave', otherGov), ids.bench!)).status).toBe(403);
    const concurrent = await Promise.all([vote(bob, ids.library!), vote(bob, ids.library!)]);
    expect(concurrent.map((result) => result.status).sort()).toEqual([201, 409]);
  });

  it('shows residents their own records only, and the public list never who proposed or voted', async () => {
    const mine = await callRoute(getMyParticipationRecords, { params: { gov, year }, caller: bob });
    expect(mine.status).toBe(200);
    expect(mine.body.proposals.map((p: { proposalId: string }) => p.proposalId).sort()).toEqual([ids.crosswalk, ids.bench].sort());
    expect(mine.body.votes.map((v: { proposalId: string }) => v.proposalId).sort()).toEqual([ids.crosswalk, ids.library].sort());
    expect(mine.body).toMatchObject({ votesUsed: 2, voteLimit: 2 });
    const officialReads = await callRoute(getMyParticipationRecords, { params: { gov, year }, caller: officer });
    expect(officialReads.status).toBe(403);
    const outsider = await callRoute(getMyParticipationRecords, { params: { gov, year }, caller: resident('res-dave', otherGov) });
    expect(outsider.status).toBe(403);

    const listed = await callRoute(listParticipationProposals, { params: { gov, year } });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(4);
    const text = JSON.stringify(listed.body);
    for (const sub of ['res-alice', 'res-bob', 'res-carol']) expect(text).not.toContain(sub);
    expect(listed.body.items.every((item: object) => !('votes' in item))).toBe(true);
    const page = await callRoute(listParticipationProposals, { params: { gov, year }, query: { limit: '3' } });
    const rest = await callRoute(listParticipationProposals, { params: { gov, year }, query: { limit: '3', cursor: page.body.cursor } });
    expect([...page.body.items, ...rest.body.items].map((item: { proposalId: string }) => item.proposalId)).toEqual(
      listed.body.items.map((item: { proposalId: string }) => item.proposalId),
    );
  });

  it('closes: no vote after the count, the result ranks by votes within the cap, and is public', async () => {
    expect((await callRoute(getParticipationResult, { params: { gov, year } })).body.code).toBe('result-not-published');
    const closed = await act('close');
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect((await vote(carol, ids.library!)).body.code).toBe('cycle-not-voting');
    const result = await callRoute(getParticipationResult, { params: { gov, year } });
    expect(result.status).toBe(200);
    // crosswalk 3 votes (30M), library 2 (60M) → 90M; bench 1 (20M) no longer fits in 100M.
    expect(result.body).toMatchObject({ budgetCap: 100_000_000, selectedTotal: 90_000_000 });
    expect(
      result.body.selected.map((entry: { rank: number; proposalId: string; votes: number }) => [entry.rank, entry.proposalId, entry.votes]),
    ).toEqual([
      [1, ids.crosswalk, 3],
      [2, ids.library, 2],
    ]);
    const listed = await callRoute(listParticipationProposals, { params: { gov, year }, query: { state: 'eligible' } });
    expect(listed.body.items.map((item: { votes: number }) => item.votes).sort()).toEqual([1, 2, 3]);
    expect((await act('close')).status).toBe(409);
  });

  it('audits votes against the cycle, never the proposal chosen', async () => {
    const Items = [];
    for (const month of voteMonths) {
      const page = await dynamoClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `AUDIT#${gov}#${month}` },
        }),
      );
      Items.push(...(page.Items ?? []));
    }
    const votes = Items.filter((item) => item.operation === 'participation.vote');
    expect(votes).toHaveLength(6);
    expect(new Set(votes.map((item) => item.target))).toEqual(new Set([`participation-cycle ${gov}/${year}`]));
  });
});
