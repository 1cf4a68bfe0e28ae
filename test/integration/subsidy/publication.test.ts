import { describe, expect, it } from 'vitest';
import {
  decideSubsidyPublication,
  listSubsidyPublishedNames,
  noticeSubsidyPublication,
  recordSubsidyPublicationStatement,
} from '#shared/routes/subsidy.ts';
import { auditOperations } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * 명단 공표 (보조금법 §30; 보조금령 §17) through the handlers: the written notice with the period to
 * state views, the statement, the decision after the committee, and the public list of the day.
 */
const GOV = '44130';
const budget: TestCaller = { sub: 'budget-44130', roles: ['budget_officer'], gov: GOV };
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
