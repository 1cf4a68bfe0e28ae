/**
 * Issue #20: the archived 세입·세출결산 prints the names of the government's 부서 and 정책사업 beside
 * their codes (XLSX, CSV, JSON); a year-end archived before the names were printed stays as it was
 * written (write-once) and its re-run succeeds, while a re-run that states other figures is still
 * an ArchiveConflict.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { archiveReport } from '#shared/application/settlement/archive-report.ts';
import { closingPorts } from '#shared/application/settlement/closing-ports.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';
import { runClosing } from '#shared/application/settlement/run-closing.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import { buildReports } from '#shared/domain/settlement/closing.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { structureKey } from '#shared/stores/budget/keys.ts';
import { lineItem, versionLinesPartition } from '#shared/stores/budget/version.ts';
import { readArchiveText } from '#shared/stores/settlement/archive-store.ts';
import { readClosingInputs } from '#shared/stores/settlement/inputs.ts';
import { progressKey } from '#shared/stores/settlement/keys.ts';
import { seedAccount, seedFinalProvisions, seedLine } from '#test/integration/settlement/fixture.ts';
import { useTestStack } from '#test/support/stack.ts';
import type { ExpenditureLine } from '#shared/schemas/budget.ts';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '#shared/clients/s3.ts';
import { bucketName, tableName } from '#shared/config/env.ts';

const GOV = '11110';
const YEAR = 2025;
const LINE = 'E.GEN.P01.U01.D001.201-01';
const job = { gov: GOV, period: periodOf('year-end', String(YEAR)) };
const prefix = `${YEAR}/${GOV}/budget-settlement/${YEAR}/`;
const put = (Item: Record<string, unknown>) => dynamoClient().send(new PutCommand({ TableName: tableName(), Item }));

beforeEach(async () => {
  await useTestStack();
  await seedAccount(GOV, 'GEN', 'general');
  await put({ ...structureKey(GOV, 'DEPT', 'D100'), entity: 'department', gov: GOV, code: 'D100', name: '기획예산과', parentCode: null });
  await seedLine(GOV, YEAR, {
    lineId: LINE,
    kind: 'expenditure',
    fund: 'GEN',
    budget: 1_000_000,
    committed: 700_000,
    paid: 600_000,
    dept: 'D100',
  });
  await seedLine(GOV, YEAR, { lineId: 'R.GEN.1.ACQTAX', kind: 'revenue', fund: 'GEN', budget: 800_000, dept: 'D100' });
  await seedFinalProvisions(GOV, YEAR, {});
  const partition = versionLinesPartition({ gov: GOV, year: YEAR, number: 0, generation: 'g0' });
  await put(
    lineItem(partition, {
      kind: 'expenditure',
      lineId: LINE,
      field: '010',
      account: 'GEN',
      policyCode: 'P01',
      policyName: '청사 관리',
      unitCode: 'U01',
      unitName: '청사 유지',
      detailCode: 'D001',
      detailName: '청사 시설 보수',
      statItem: '201-01',
      sector: '011',
      dept: 'D100',
      fundingSource: 'own-revenue',
      amount: 1_000_000,
      mandatory: false,
    } satisfies ExpenditureLine),
  );
});

/** The closing as it ran before the 부서 and 정책사업 names were printed. */
const withoutNames: () => ClosingPorts = () => {
  const real = closingPorts('before-names');
  return { ...real, readInputs: async (j) => ({ ...(await real.readInputs(j)), codeNames: undefined }) };
};

describe('names of 부서 and 정책사업 in the archived 세입·세출결산', () => {
  it('prints them beside the codes in report.json, the CSV and the XLSX', async () => {
    const result = await runClosing(job, closingPorts('names'), { backfill: true });
    expect(result.archived).toContainEqual({ report: 'budget-settlement', outcome: 'written' });
    const report = JSON.parse(await readArchiveText(`${prefix}report.json`));
    expect(report.tables.expenditure.names).toMatchObject({ dept: { D100: '기획예산과' }, policy: { P01: '청사 관리' } });
    expect(report.tables.expenditure.rows[0]).toMatchObject({ lineId: LINE, policy: 'P01', dept: 'D100' });
    expect(report.tables.revenue.names).toMatchObject({ dept: { D100: '기획예산과' } });
    const csv = await readArchiveText(`${prefix}expenditure.csv`);
    expect(csv.split('\r\n')[0]).toContain('정책사업,정책사업명,부서,부서명,통계목,통계목명');
    // codes a spreadsheet would read as a date stay text (csv.ts); the 소계 row names its 회계 too
    expect(csv).toContain(`GEN,GEN,${LINE},P01,청사 관리,D100,기획예산과,"=""201-01""",사무관리비,1000000`);
    expect(csv).toContain('GEN,GEN,소계,');
    const object = await s3Client().send(new GetObjectCommand({ Bucket: bucketName('archive'), Key: `${prefix}report.xlsx` }));
    const sheet = strFromU8(
      unzipSync((await object.Body?.transformToByteArray()) ?? new Uint8Array())['xl/worksheets/sheet1.xml'] ?? new Uint8Array(),
    );
    for (const text of ['정책사업명', '청사 관리', '부서명', '기획예산과']) expect(sheet).toContain(`>${text}<`);
  });

  it('keeps the year-end archived before the names and re-runs it without a conflict', async () => {
    const first = await runClosing(job, withoutNames(), { backfill: true });
    expect(first.archived).toContainEqual({ report: 'budget-settlement', outcome: 'written' });
    const archived = await readArchiveText(`${prefix}report.json`);
    expect(JSON.parse(archived).tables.expenditure.names.dept).toEqual({});

    // A lost progress item makes the re-run go through every step again, now with the names.
    await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: progressKey(GOV, YEAR, 'year-end', String(YEAR)) }));
    const rerun = await runClosing(job, closingPorts('after-names'), { backfill: true });
    expect(rerun.archived).toEqual([
      { report: 'budget-settlement', outcome: 'kept-earlier' },
      { report: 'financial-statements', outcome: 'unchanged' },
      { report: 'supplementary-information', outcome: 'unchanged' },
      { report: 'budget-reconciliation', outcome: 'unchanged' },
    ]);
    expect(rerun.differences).toEqual([]);
    expect(await readArchiveText(`${prefix}report.json`)).toBe(archived);
  });

  it('still refuses a re-run that states other figures than the archive (ArchiveConflict, nothing overwritten)', async () => {
    await runClosing(job, withoutNames(), { backfill: true });
    const archived = await readArchiveText(`${prefix}report.json`);
    await seedLine(GOV, YEAR, { lineId: LINE, kind: 'expenditure', fund: 'GEN', budget: 1_000_000, paid: 650_000, dept: 'D100' });
    const [settlement] = buildReports(job, await readClosingInputs(job));
    await expect(archiveReport(renderReport(settlement as never), new Date())).rejects.toBeInstanceOf(ArchiveConflict);
    expect(await readArchiveText(`${prefix}report.json`)).toBe(archived);
  });
});
