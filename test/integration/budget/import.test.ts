import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  createBudgetVersion,
  getBudgetBook,
  getBudgetVersion,
  importBudgetLines,
  listBudgetLines,
  uploadBudgetCsv,
} from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, expenditure, revenue, setUpStructure } from './support.ts';

await useTestStack();

const gov = '41000'; // 경기도
const year = 2028;
const c = callers(gov);
const params = { gov, year, version: 0 };

/** Line items of the year in any partition, staged or current (a test-only scan of this file's own table). */
async function storedLineItems(): Promise<number> {
  let count = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(pk, :prefix)',
        ExpressionAttributeValues: { ':prefix': `LINES#${gov}#${year}#` },
        ExclusiveStartKey: cursor,
      }),
    );
    count += page.Count ?? 0;
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return count;
}

function manyLines(count: number): Record<string, unknown>[] {
  const lines = Array.from({ length: count }, (_, i) =>
    expenditure({
      policyCode: `P${i % 7}`,
      unitCode: `U${i % 31}`,
      detailCode: `D${i}`,
      statItem: ['201-01', '307-02', '401-01'][i % 3],
      ...(i % 3 === 2 ? { assetClass: 'infrastructure' as const } : {}),
      dept: i % 2 ? 'D100' : 'D200',
      amount: 1_000 + i,
    }),
  );
  const total = lines.reduce((sum, line) => sum + (line.amount as number), 0);
  return [...lines, revenue({ amount: total })];
}

describe('bulk import of a whole budget', () => {
  it('rejects an import with bad rows as a whole, naming row, column and reason, and writes nothing', async () => {
    await setUpStructure(gov);
    expect(
      (await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind: 'original' }, caller: c.budgetOfficer })).status,
    ).toBe(201);
    const lines = manyLines(300);
    lines[9] = { ...lines[9], sector: '999' };
    lines[199] = { ...lines[199], dept: 'NOPE', amount: -5 };
    const { assetClass: _dropped, ...withoutAssetClass } = lines[44] as Record<string, unknown>;
    lines[44] = withoutAssetClass; // a 401 capital line must name its asset class (회계기준규칙 제14조①)
    const rejected = await callRoute(importBudgetLines, { params, body: { revision: 0, lines }, caller: c.budgetOfficer });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({
      code: 'import-rejected',
      context: {
        errorCount: 3,
        errors: [
          { row: 10, column: 'sector', reason: 'unknown 부문 (functional sector)' },
          { row: 45, column: 'assetClass', code: 'asset-class-required' },
          { row: 200, column: 'amount', reason: 'amounts cannot be negative' },
        ],
      },
    });
    const version = await callRoute(getBudgetVersion, { params, caller: c.budgetOfficer });
    expect(version.body).toMatchObject({ revision: 0, lineCount: 0, expenditureTotal: '0' });
    expect(await storedLineItems()).toBe(0);
    const { Count } = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `PLAN#${gov}#${year}` },
        Select: 'COUNT',
      }),
    );
    expect(Count).toBe(2); // the year and the version, nothing else
  });

  it('imports 2,000 lines in one request and replaces them with a CSV upload', async () => {
    const lines = manyLines(2_000);
    const imported = await callRoute(importBudgetLines, { params, body: { revision: 0, lines }, caller: c.budgetOfficer });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ revision: 1, lineCount: 2_001 });
    expect(imported.body.expenditureTotal).toBe(imported.body.revenueTotal);
    const page = await callRoute(listBudgetLines, { params, query: { limit: '1000' }, caller: c.budgetOfficer });
    expect(page.body.items).toHaveLength(1_000);
    const rest = await callRoute(listBudgetLines, { params, query: { limit: '1000', cursor: page.body.cursor }, caller: c.budgetOfficer });
    const last = await callRoute(listBudgetLines, { params, query: { limit: '1000', cursor: rest.body.cursor }, caller: c.budgetOfficer });
    expect(rest.body.items.length + last.body.items.length).toBe(1_001);

    const csv = [
      'kind,account,policyCode,policyName,unitCode,unitName,detailCode,detailName,statItem,sector,category,item,name,dept,fundingSource,amount,mandatory,revenueCode',
      'expenditure,GEN,P01,행정운영,U01,기본경비,D001,"부서 운영, 기본",201-01,016,,,,D100,own-revenue,700,,',
      'expenditure,WATER,P09,상수도,U09,정수,D009,정수장 운영,201-02,072,,,,D200,own-revenue,300,,',
      'revenue,GEN,,,,,,,,,2,FEE,수수료,D100,,1000,,2-1',
    ].join('\n');
    const stale = await callRoute(importBudgetLines, { params, body: { revision: 0, csv }, caller: c.budgetOfficer });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision-conflict');
    const replaced = await callRoute(importBudgetLines, { params, body: { revision: 1, csv }, caller: c.budgetOfficer });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ revision: 2, lineCount: 3, expenditureTotal: '1000', revenueTotal: '1000' });
    expect(await storedLineItems()).toBe(3); // the replaced generation is gone
    const book = await callRoute(getBudgetBook, { params, caller: c.budgetOfficer });
    expect(book.body.byAccount).toEqual([
      { code: 'GEN', name: '일반회계', total: '700', revenue: '1000' },
      { code: 'WATER', name: '상수도사업특별회계', total: '300', revenue: '0' },
    ]);
  });

  it('takes the CSV as an uploaded text/csv file too, with a BOM, and refuses other media types', async () => {
    const csv = [
      '\uFEFFkind,account,policyCode,policyName,unitCode,unitName,detailCode,detailName,statItem,sector,category,item,name,dept,fundingSource,amount,mandatory,revenueCode',
      'expenditure,GEN,P01,행정운영,U01,기본경비,D001,부서운영,201-01,016,,,,D100,own-revenue,900,,',
      'revenue,GEN,,,,,,,,,2,FEE,수수료,D100,,900,,2-1',
    ].join('\r\n');
    const upload = (headers: Record<string, string>, revision: string) =>
      callRoute(uploadBudgetCsv, { params, query: { revision }, rawBody: csv, headers, caller: c.budgetOfficer });
    const notCsv = await upload({ 'content-type': 'application/json' }, '2');
    expect(notCsv.status).toBe(415);
    expect(notCsv.body.code).toBe('unsupported-media-type');
    const uploaded = await upload({ 'content-type': 'text/csv; charset=utf-8' }, '2');
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ revision: 3, lineCount: 2, expenditureTotal: '900', revenueTotal: '900' });
    expect(await storedLineItems()).toBe(2);
  });

  it('reports CSV errors by line in the file', async () => {
    const csv = 'kind,account,dept,amount\nexpenditure,GEN,D100,10\nrevenue,GEN,D100,x\n';
    const rejected = await callRoute(importBudgetLines, { params, body: { revision: 3, csv }, caller: c.budgetOfficer });
    expect(rejected.status).toBe(422);
    expect(rejected.body.context.errors).toContainEqual({ row: 3, column: 'amount', reason: expect.any(String) });
    expect(rejected.body.context.errors).toContainEqual({ row: 2, column: 'policyCode', reason: expect.any(String) });
    expect((await callRoute(getBudgetVersion, { params, caller: c.budgetOfficer })).body.revision).toBe(3);
  });
});
