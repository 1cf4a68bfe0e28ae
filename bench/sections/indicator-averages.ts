import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { downloadIndicators } from '#shared/application/disclosure/download-indicators.ts';
import { getIndicatorAverages } from '#shared/application/disclosure/get-indicator-averages.ts';
import { csvColumns } from '#shared/domain/budget/import-rows.ts';
import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';
import {
  budgetOfficials,
  csvRow,
  expenditureCsvRows,
  reserveCsvRow,
  finalise,
  importCsv,
  openOriginalVersion,
  setUpStructure,
} from '../harness/budget-fixture.ts';
import { forEachConcurrently } from '../harness/concurrency.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { startLocalApi } from '../harness/local-api.ts';
import type { Section } from '../harness/section.ts';
import { percentile, round } from '../harness/stats.ts';

const YEAR = 2026;
// Full: all 243 governments; quick: the 17 시·도 and the first 33 시·군·구, so every average still nets.
const GOVERNMENTS = { quick: 50, full: 243 };
const LINES = { quick: 20, full: 100 };
/** Reads per figure; 10 (was 20) in the full run: each read walks every government, so 10 give a stable p50/p99. */
const CALLS = { quick: 5, full: 10 };
const AMOUNT = 1_000_000;

/**
 * A balanced 일반회계 budget whose 세입 exercises the official indicators: 취득세 (40%), 지방교부세 (50%)
 * and 10% that is 지방교육세 (1-2-02, out of both numerators) for a 시·도 or 조정교부금 (category 4, netted
 * on the 순계 when its 시·도 is in the set) for a 시·군·구.
 */
function indicatorBudgetCsv(lines: number, metropolitan: boolean): string {
  const expenditures = lines - 3;
  const reserve = reserveCsvRow(expenditures * AMOUNT);
  const total = expenditures * AMOUNT + reserve.amount;
  const revenue = (category: string, item: string, name: string, share: number, revenueCode = '') =>
    csvRow({ kind: 'revenue', account: 'GEN', category, item, name, dept: 'D100', amount: (total * share) / 10, revenueCode });
  return [
    csvColumns.join(','),
    ...expenditureCsvRows(expenditures, AMOUNT),
    reserve.row,
    revenue('1', 'ACQTAX', '취득세', 4),
    revenue('3', 'GRANT', '지방교부세', 5),
    metropolitan ? revenue('1', 'EDUTAX', '지방교육세', 1, '1-2-02') : revenue('4', 'ADJUST', '조정교부금', 1),
  ].join('\n');
}

const ms = (samples: readonly number[], p: number) => round(percentile([...samples], p), 1);

/**
 * 12. The official indicator averages of issue #13 over the 순계 (national and per 시·도) and the
 * nationwide indicator CSV: final budgets for the governments through the real API, then each read
 * timed with the DynamoDB items it read. Both read each government's versions, 회계 and lines, so
 * they grow with governments and lines, never with postings.
 */
export const indicatorAverages: Section = {
  id: '12',
  title: 'Indicator averages on the 순계 and the indicator CSV (243 governments; quick: 50)',
  budgetMs: { quick: 600_000, full: 1_800_000 },
  // idle 2026-12-01: 120.6 s; 10 reads per figure (was 20)
  shareMs: 95_000,
  async run(context) {
    const count = context.quick ? GOVERNMENTS.quick : GOVERNMENTS.full;
    const lines = context.quick ? LINES.quick : LINES.full;
    const all = governmentsFromCodeTable();
    const governments = [...all.filter((g) => g.level === 'metropolitan'), ...all.filter((g) => g.level !== 'metropolitan')].slice(
      0,
      count,
    );
    await withEmbeddedStack(async () => {
      const api = await startLocalApi();
      try {
        const started = performance.now();
        await forEachConcurrently(governments, 4, async (government) => {
          const officials = await budgetOfficials(api, government.code);
          await setUpStructure(officials, government.code);
          const version = await openOriginalVersion(officials, government.code, YEAR);
          await importCsv(officials, government.code, YEAR, version, indicatorBudgetCsv(lines, government.level === 'metropolitan'));
          await finalise(officials, government.code, YEAR, version);
        });
        context.note(
          `seeded ${count} final budgets of ${lines} lines through the API in ${round((performance.now() - started) / 1000, 1)} s`,
        );

        const meter = meterDynamo(dynamoClient());
        try {
          const timed = async <T>(read: () => Promise<T>) => {
            meter.reset();
            const begun = performance.now();
            const result = await read();
            return { result, ms: performance.now() - begun, items: meter.usage.itemsRead };
          };
          const averages = [];
          const csvs = [];
          for (let i = 0; i < (context.quick ? CALLS.quick : CALLS.full); i += 1) {
            averages.push(await timed(() => getIndicatorAverages(YEAR)));
            csvs.push(await timed(() => downloadIndicators(YEAR)));
          }
          const first = averages[0]?.result;
          if (!first || first.governments !== count) throw new Error(`the averages covered ${first?.governments} of ${count} governments`);
          const report = (name: string, reads: readonly { ms: number; items: number }[], per: string) => {
            const times = reads.map((r) => r.ms);
            context.figure({ name: `${name}, p50 (${reads.length} ${per}s)`, value: ms(times, 50), unit: 'ms' });
            context.figure({ name: `${name}, p99`, value: ms(times, 99), unit: 'ms' });
            context.figure({ name: `${name}, items read per ${per}`, value: reads[0]?.items ?? 0, unit: 'items' });
          };
          report('averages (national + 17 시·도, 순계)', averages, 'read');
          report('indicator CSV', csvs, 'download');
          context.note(
            `per government: ${round((averages[0]?.items ?? 0) / count, 1)} items for the averages, ${round((csvs[0]?.items ?? 0) / count, 1)} for the CSV (${lines} lines each)`,
          );
          context.note(
            `national 순계: 재정자립도 ${first.national.fiscalIndependence.percent}%, 재정자주도 ${first.national.fiscalAutonomy.percent}%; CSV ${Buffer.byteLength(csvs[0]?.result ?? '')} bytes`,
          );
        } finally {
          meter.detach();
        }
      } finally {
        await api.stop();
      }
    });
  },
};
