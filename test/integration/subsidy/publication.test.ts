import { describe, expect, it } from 'vitest';
import {
  decideSubsidyPublication,
  listNationalSubsidyExclusions,
  listNationalSubsidyPublishedNames,
  listSubsidyPublishedNames,
  noticeSubsidyPublication,
  recordSubsidyPublicationStatement,
  registerSubsidyExclusion,
} from '#shared/routes/subsidy.ts';
import { auditOperations } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * 명단 공표 (보조금법 §30; 보조금령 §17) through the handlers: the written notice with the period to
 * state views, the statement, the decision after the committee, and the public list of the day.
 */
const GOV = '44130';
const budget: TestCaller = { sub: 'budget-44130', roles: ['budget_officer'], gov: GOV };
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };
const particulars = (name: string) => ({
  name,
  address: '충청남도 천안시 동남구 1',
  representative: { name: '이대표', age: 58 },
  violation: '허위 세금계산서로 보조금 12,000,000원 교부',
  measures: '교부결정 취소, 반환 12,000,000원과 이자, 제재부가금 부과',
});
const notice = (name: string, body: Record<string, unknown> = {}) =>
  callRoute(noticeSubsidyPublication, {
    params: { gov: GOV },
    body: { target: 'recipient-exclusion', particulars: particulars(name), noticeOn: '2027-02-01', statementBy: '2027-02-15', ...body },
    caller: budget,
  });
const decide = (publicationId: string, body: Record<string, unknown>) =>
  callRoute(decideSubsidyPublication, {
    params: { gov: GOV, publicationId },
    body: { committeeOn: '2027-02-20', reason: '위원회 의결 (2027-02-20)', ...body },
    caller: budget,
  });
const listOn = (on: string) => callRoute(listSubsidyPublishedNames, { params: { gov: GOV }, query: { on } });

describe('명단 공표 with the prior hearing (보조금법 §30③④; 보조금령 §17)', () => {
  const ids = { heard: '', silent: '' };

  it('takes the notice with a period for the statement, and the statement within it', async () => {
    expect((await notice('기간없음', { statementBy: '2027-02-01' })).body).toMatchObject({
      status: 422,
      code: 'publication-statement-period',
    });
    const heard = await notice('(사)가온누리');
    expect(heard.status, JSON.stringify(heard.body)).toBe(201);
    expect(heard.body).toMatchObject({
      state: 'noticed',
      article: '보조금법 §30①2 (§32① 수행 배제·교부 제한)',
      notifiedBy: 'budget-44130',
    });
    ids.heard = heard.body.publicationId;
    const statement = (receivedOn: string) =>
      callRoute(recordSubsidyPublicationStatement, {
        params: { gov: GOV, publicationId: ids.heard },
        body: { receivedOn, text: '대표 교체 후 재발 방지 대책을 마련했습니다 (소명서 3쪽)' },
        caller: budget,
      });
    expect((await statement('2027-02-16')).body).toMatchObject({
      status: 422,
      code: 'publication-statement-late',
      context: { numbers: { statementBy: '2027-02-15' } },
    });
    const stated = await statement('2027-02-15');
    expect(stated.status, JSON.stringify(stated.body)).toBe(200);
    expect(stated.body.statement).toMatchObject({ receivedOn: '2027-02-15', recordedBy: 'budget-44130' });
  });

  it('publishes after the committee for 1 year plus the extension; the public list shows it on those days only', async () => {
    expect((await decide(ids.heard, { decidedOn: '2027-02-19', publish: true })).body).toMatchObject({
      status: 422,
      code: 'publication-notice-after-committee',
    });
    expect((await decide(ids.heard, { decidedOn: '2027-03-02', publish: true, extensionMonths: 13 })).body).toMatchObject({
      status: 422,
      code: 'publication-extension-too-long',
    });
    const published = await decide(ids.heard, { decidedOn: '2027-03-02', publish: true, extensionMonths: 6 });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({
      state: 'published',
      decision: { published: { from: '2027-03-02', until: '2028-09-01', extensionMonths: 6 } },
    });
    expect((await decide(ids.heard, { decidedOn: '2027-03-03', publish: true })).body).toMatchObject({
      status: 409,
      code: 'publication-decided',
    });
    const shown = await listOn('2028-09-01');
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.items).toEqual([
      expect.objectContaining({ name: '(사)가온누리', violation: particulars('x').violation, from: '2027-03-02', until: '2028-09-01' }),
    ]);
    expect(Object.keys(shown.body.items[0])).not.toContain('identifiers');
    expect((await listOn('2028-09-02')).body.items).toEqual([]);
    expect((await listOn('2027-03-01')).body.items).toEqual([]);
  });

  it('waits for the statement period when none came; withholding needs a ground of 영 §17③', async () => {
    const silent = await notice('침묵상회');
    ids.silent = silent.body.publicationId;
    expect((await decide(ids.silent, { decidedOn: '2027-02-15', committeeOn: '2027-02-10', publish: true })).body).toMatchObject({
      status: 409,
      code: 'publication-hearing-open',
      context: { numbers: { statementBy: '2027-02-15' } },
    });
    expect((await decide(ids.silent, { decidedOn: '2027-03-02', publish: false })).body).toMatchObject({
      status: 422,
      code: 'publication-withholding-ground',
    });
    const withheld = await decide(ids.silent, { decidedOn: '2027-03-02', publish: false, withheldGround: 'death' });
    expect(withheld.status, JSON.stringify(withheld.body)).toBe(200);
    expect(withheld.body).toMatchObject({ state: 'withheld', decision: { withheld: '보조금령 §17③1 (사망)' } });
    expect((await listOn('2027-06-01')).body.items.map((item: { name: string }) => item.name)).toEqual(['(사)가온누리']);
  });

  it('gives the ministry every government’s names of a day, paged, and marks the exclusion a published case names', async () => {
    const OTHER = '26110';
    const otherBudget: TestCaller = { sub: 'budget-26110', roles: ['budget_officer'], gov: OTHER };
    const excluded = await callRoute(registerSubsidyExclusion, {
      params: { gov: OTHER },
      body: {
        party: 'recipient',
        ground: 'fraud',
        count: 1,
        from: '2027-01-10',
        violation: '허위 증빙으로 보조금 교부',
        identity: { name: '(주)바다상사', businessNumber: '2208112341' },
      },
      caller: otherBudget,
    });
    expect(excluded.status, JSON.stringify(excluded.body)).toBe(201);
    const exclusionId = excluded.body.exclusionId as string;
    const otherNotice = (body: Record<string, unknown>) =>
      callRoute(noticeSubsidyPublication, {
        params: { gov: OTHER },
        body: {
          target: 'recipient-exclusion',
          particulars: particulars('(주)바다상사'),
          noticeOn: '2027-02-01',
          statementBy: '2027-02-15',
          ...body,
        },
        caller: otherBudget,
      });
    expect((await otherNotice({ exclusionRef: 'X0000000000nothing' })).body).toMatchObject({ status: 404, code: 'exclusion-not-found' });
    const noticed = await otherNotice({ exclusionRef: exclusionId });
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(201);
    const register = async () => {
      const listed = await callRoute(listNationalSubsidyExclusions, { caller: ministry });
      return listed.body.items.find((item: { exclusionId: string }) => item.exclusionId === exclusionId);
    };
    expect(await register()).toMatchObject({ onPublicList: false });
    expect((await register()).publication).toBeUndefined();
    const decided = await callRoute(decideSubsidyPublication, {
      params: { gov: OTHER, publicationId: noticed.body.publicationId },
      body: { committeeOn: '2027-02-20', reason: '위원회 의결 (2027-02-20)', decidedOn: '2027-03-02', publish: true },
      caller: otherBudget,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // 1 year from 2 March 2027 (보조금령 §17②); the register entry carries the case, onPublicList on those days
    const restore = setClock('2027-06-01T03:00:00Z');
    try {
      expect(await register()).toMatchObject({
        onPublicList: true,
        publication: { gov: OTHER, publicationId: noticed.body.publicationId, from: '2027-03-02', until: '2028-03-01' },
      });
    } finally {
      restore();
    }
    expect(await register()).toMatchObject({ onPublicList: false }); // 30 November 2026: not yet

    const national = (query: Record<string, string>) => callRoute(listNationalSubsidyPublishedNames, { query, caller: ministry });
    // 1 June 2027: 천안's (to 2028-09-01) and 부산's (to 2028-03-01), the nearest last day first; never an identifier
    const first = await national({ on: '2027-06-01', limit: '1' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ on: '2027-06-01', items: [{ gov: OTHER, name: '(주)바다상사', exclusionRef: exclusionId }] });
    expect(JSON.stringify(first.body.items)).not.toContain('2208112341');
    const rest = await national({ on: '2027-06-01', limit: '1', cursor: first.body.nextCursor });
    expect(rest.body.items).toEqual([expect.objectContaining({ gov: GOV, name: '(사)가온누리', until: '2028-09-01' })]);
    const after = rest.body.nextCursor ? await national({ on: '2027-06-01', cursor: rest.body.nextCursor }) : { body: { items: [] } };
    expect(after.body.items).toEqual([]);
    // 2 March 2028: 부산's year is over
    expect((await national({ on: '2028-03-02' })).body.items.map((item: { gov: string }) => item.gov)).toEqual([GOV]);
    expect((await callRoute(listNationalSubsidyPublishedNames, { query: {}, caller: budget })).status).toBe(403);
  });

  it('audits each step', async () => {
    const operations = await auditOperations(GOV, 'subsidy.publication.');
    expect(operations.sort()).toEqual([
      'subsidy.publication.decide',
      'subsidy.publication.decide',
      'subsidy.publication.notice',
      'subsidy.publication.notice',
      'subsidy.publication.statement',
    ]);
  });
});
