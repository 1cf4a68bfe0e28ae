import { now } from '#shared/clock.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  allotBudget,
  createBudgetVersion,
  editBudgetLines,
  getBudgetBook,
  getBudgetLineHistory,
  getBudgetVersion,
  getNationalBudgetTotal,
  transitionBudgetVersion,
} from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, reserve, revenue, setUpStructure, step } from './support.ts';

await useTestStack();

const gov = '11110'; // 종로구, a 시·군·구: submit by 40 days, resolve by 10 days before the year
const year = 2027;
const c = callers(gov);
const params = { gov, year, version: 0 };

describe('budget formulation, full cycle through the HTTP handlers', () => {
  it('creates, requests, adjusts, submits, resolves, finalises, allots Q1 and reads the book', async () => {
    await setUpStructure(gov);
    const created = await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind: 'original' }, caller: c.budgetOfficer });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 0, kind: 'original', state: 'drafting', revision: 0, allowedActions: ['request'] });

    // the department enters its requests; it may not enter another department's line
    const staff = expenditure({ detailCode: 'D001', statItem: '201-01', amount: 30_000_000 });
    const travel = expenditure({ detailCode: 'D001', statItem: '202-01', amount: 5_000_000 });
    const welfare = expenditure({
      policyCode: 'P02',
      unitCode: 'U02',
      detailCode: 'D010',
      statItem: '307-02',
      sector: '081',
      dept: 'D200',
      amount: 65_000_000,
    });
    const travelId = 'E.GEN.P01.U01.D001.202-01';
    const welfareId = 'E.GEN.P02.U02.D010.307-02';
    const foreign = await callRoute(editBudgetLines, { params, body: { revision: 0, upsert: [welfare] }, caller: c.departmentOfficial });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('other-department');
    const requested = await callRoute(editBudgetLines, {
      params,
      body: { revision: 0, upsert: [staff, travel] },
      caller: c.departmentOfficial,
    });
    expect(requested.status).toBe(200);
    expect(requested.body.lineIds).toEqual(['E.GEN.P01.U01.D001.201-01', 'E.GEN.P01.U01.D001.202-01']);
    let revision = (await step(gov, year, 0, 'request', 1, c.budgetOfficer)).revision;

    // the budget office adjusts; the officer who requested may not approve the adjustment (4-eyes)
    const adjusted = await callRoute(editBudgetLines, {
      params,
      body: { revision, upsert: [welfare, revenue({ amount: 90_000_000 })] },
      caller: c.budgetOfficer,
    });
    expect(adjusted.status).toBe(200);
    revision = adjusted.body.revision;
    const sameOfficer = await callRoute(transitionBudgetVersion, { params, body: { action: 'adjust', revision }, caller: c.budgetOfficer });
    expect(sameOfficer.status).toBe(403);
    expect(sameOfficer.body.code).toBe('four-eyes');
    revision = (await step(gov, year, 0, 'adjust', revision, c.otherBudgetOfficer)).revision;

    // an unbalanced budget cannot be submitted: the error names the difference
    const unbalanced = await callRoute(transitionBudgetVersion, { params, body: { action: 'submit', revision }, caller: c.head });
    expect(unbalanced.status).toBe(422);
    expect(unbalanced.body).toMatchObject({
      code: 'unbalanced-budget',
      context: { revenueTotal: '90000000', expenditureTotal: '100000000', difference: '-10000000' },
    });
    revision = (await step(gov, year, 0, 'reopen', revision, c.budgetOfficer)).revision;
    const balanced = await callRoute(editBudgetLines, {
      params,
      body: { revision, upsert: [revenue({ category: '3', item: 'GRANT', name: '보통교부세', amount: 10_000_000 })] },
      caller: c.budgetOfficer,
    });
    revision = balanced.body.revision;
    revision = (await step(gov, year, 0, 'adjust', revision, c.otherBudgetOfficer)).revision;

    // nor one whose 일반회계 carries no 예비비 (지방재정법 §43①): 1,000,000 (1%) taken from 인건비
    const noReserve = await callRoute(transitionBudgetVersion, { params, body: { action: 'submit', revision }, caller: c.head });
    expect(noReserve.body).toMatchObject({
      status: 422,
      code: 'reserve-missing',
      context: { basis: '지방재정법 §43①', account: 'GEN', reserve: '0', expenditureTotal: '100000000' },
    });
    revision = (await step(gov, year, 0, 'reopen', revision, c.budgetOfficer)).revision;
    const withReserve = await callRoute(editBudgetLines, {
      params,
      body: { revision, upsert: [{ ...staff, amount: 29_000_000 }, reserve(1_000_000)] },
      caller: c.budgetOfficer,
    });
    revision = withReserve.body.revision;
    revision = (await step(gov, year, 0, 'adjust', revision, c.otherBudgetOfficer)).revision;

    // an illegal step names the state and the allowed steps
    const illegal = await callRoute(transitionBudgetVersion, { params, body: { action: 'finalise', revision }, caller: c.head });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'illegal-transition', context: { state: 'adjusted', allowed: ['reopen', 'submit'] } });

    // submitted after the statutory date (2026-11-22 for a 시·군·구's 2027 budget): a warning, not a block
    const submitted = await step(gov, year, 0, 'submit', revision, c.head);
    expect(submitted.state).toBe('submitted');
    expect(submitted.warnings).toEqual([expect.objectContaining({ code: 'late-submission', deadline: '2026-11-22' })]);

    // the council amends (moves 5,000,000 from travel to welfare) and resolves
    const amended = await callRoute(editBudgetLines, {
      params,
      body: {
        revision: submitted.revision,
        upsert: [
          { ...travel, amount: 0 },
          { ...welfare, amount: 70_000_000 },
        ],
      },
      caller: c.council,
    });
    expect(amended.status).toBe(200);
    // raising welfare needs the head's consent (지방자치법 §142③); with it, the amendments are on record
    const unconsented = await callRoute(transitionBudgetVersion, {
      params,
      body: { action: 'resolve', revision: amended.body.revision },
      caller: c.council,
    });
    expect(unconsented.status).toBe(422);
    expect(unconsented.body).toMatchObject({ code: 'council-increase-without-consent', context: { lineIds: [welfareId] } });
    const resolved = await callRoute(transitionBudgetVersion, {
      params,
      body: { action: 'resolve', revision: amended.body.revision, headConsent: { reference: '동의-2026-01', date: '2026-12-10' } },
      caller: c.council,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      headConsent: { reference: '동의-2026-01', date: '2026-12-10' },
      amendments: { [travelId]: { submitted: 5_000_000, amended: 0 }, [welfareId]: { amended: 70_000_000 } },
    });
    revision = resolved.body.revision;
    const final = await step(gov, year, 0, 'finalise', revision, c.head);
    expect(final).toMatchObject({
      state: 'final',
      controlsSynced: true,
      expenditureTotal: '100000000',
      revenueTotal: '100000000',
      allowedActions: [],
    });

    // final versions are immutable
    const frozen = await callRoute(editBudgetLines, {
      params,
      body: { revision: final.revision, upsert: [staff] },
      caller: c.budgetOfficer,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('version-not-editable');

    // control items for execution: budget set, counters at 0
    const { Items } = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `BUDGET#${gov}#${year}` },
      }),
    );
    const welfareControl = Items?.find((item) => item.sk === 'LINE#E.GEN.P02.U02.D010.307-02');
    expect(welfareControl).toMatchObject({
      budget: 70_000_000,
      allotted: 0,
      committed: 0,
      paid: 0,
      fund: 'GEN',
      itemCode: '307-02',
      dept: 'D200',
      kind: 'expenditure',
    });
    expect(Items).toHaveLength(6); // 4 세출 lines (travel at 0, the 예비비) and 2 세입

    // allot Q1
    const q1 = await callRoute(allotBudget, {
      params: { gov, year },
      body: { lineId: 'E.GEN.P02.U02.D010.307-02', quarter: 1, amount: 17_500_000, kind: 'regular', reference: 'ALLOT-2027-0001' },
      caller: c.budgetOfficer,
    });
    expect(q1.status).toBe(201);
    expect(q1.body).toMatchObject({ allotted: 17_500_000, budget: 70_000_000, quarter: 1 });

    // the book: every breakdown adds up to the totals
    const book = await callRoute(getBudgetBook, { params, caller: c.council });
    expect(book.status).toBe(200);
    expect(book.body.expenditureTotal).toBe('100000000');
    const sum = (rows: { total: string }[]) => rows.reduce((s, r) => s + BigInt(r.total), 0n).toString();
    expect(sum(book.body.byFunction)).toBe('100000000');
    expect(sum(book.body.byEconomicGroup)).toBe('100000000');
    expect(sum(book.body.byDepartment)).toBe('100000000');
    expect(sum(book.body.byFundingSource)).toBe('100000000');
    expect(sum(book.body.byRevenueCategory)).toBe('100000000');
    expect(book.body.byFunction.find((f: { code: string }) => f.code === '080')).toMatchObject({ name: '사회복지', total: '70000000' });
    expect(book.body.byEconomicGroup.map((g: { code: string; total: string }) => [g.code, g.total])).toEqual([
      ['200', '29000000'],
      ['300', '70000000'],
      ['800', '1000000'],
    ]);
    expect(book.body.byDepartment).toContainEqual({ code: 'D200', name: '복지정책과', total: '70000000' });

    const history = await callRoute(getBudgetLineHistory, {
      params: { gov, year, lineId: 'E.GEN.P02.U02.D010.307-02' },
      caller: c.budgetOfficer,
    });
    expect(history.body).toMatchObject({
      versions: [{ number: 0, state: 'final', amount: 70_000_000 }],
      control: { budget: 70_000_000, allotted: 17_500_000 },
      allotments: [{ reference: 'ALLOT-2027-0001', amount: 17_500_000 }],
    });

    const national = await callRoute(getNationalBudgetTotal, { params: { year }, caller: c.ministry });
    expect(national.status).toBe(200);
    expect(national.body).toMatchObject({ governments: 1, expenditureTotal: '100000000', items: [{ gov, version: 0 }] });
    const version = await callRoute(getBudgetVersion, { params, caller: c.ministry });
    expect(version.body.history.map((h: { action: string }) => h.action)).toEqual([
      'request',
      'adjust',
      'reopen',
      'adjust',
      'reopen',
      'adjust',
      'submit',
      'resolve',
      'finalise',
    ]);
  });

  it('keeps the audit trail of every change in the same writes', async () => {
    const { Items } = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${gov}#${now().toISOString().slice(0, 7)}` },
      }),
    );
    const operations = (Items ?? []).map((item) => item.operation);
    for (const operation of [
      'putAccount',
      'createBudgetVersion',
      'editBudgetLines',
      'budgetVersion.request',
      'budgetVersion.finalise',
      'syncBudgetControls',
      'allot',
    ]) {
      expect(operations).toContain(operation);
    }
  });
});
