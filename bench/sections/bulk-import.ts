import { budgetCsv, budgetOfficials, finalise, importCsv, openOriginalVersion, setUpStructure } from '../harness/budget-fixture.ts';
import { requireRoute } from '../harness/availability.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { startLocalApi } from '../harness/local-api.ts';
import { measureRawWriteCeiling } from '../harness/raw-write-ceiling.ts';
import { versus } from '../harness/report.ts';
import type { Section } from '../harness/section.ts';
import { perSecond, round } from '../harness/stats.ts';

const FULL_LINES = 20_000;
const QUICK_LINES = 5_000;

/**
 * 7. Bulk budget import: 20,000 lines (quick: 5,000) as one CSV through the HTTP API (validation of every row,
 * parallel BatchWrites, one switching write), then the workflow to final, which writes the control
 * items execution runs on. Baseline: the raw BatchWriteItem ceiling of the engine in the same run.
 */
export const bulkImport: Section = {
  id: '7',
  title: 'Bulk budget import (20,000 lines)',
  budgetMs: { quick: 15_000, full: 180_000 },
  // idle 2026-12-01: 28.4 s
  shareMs: 30_000,
  async run(context) {
    requireRoute('importBudgetLines', 'budget, issue 4');
    const LINES = context.quick ? QUICK_LINES : FULL_LINES;
    await withEmbeddedStack(async () => {
      const raw = await measureRawWriteCeiling(context.quick ? 3_000 : 40_000);
      const baseline = { name: 'raw BatchWriteItem', value: round(raw.itemsPerSecond), unit: 'items/s' };
      const api = await startLocalApi();
      try {
        const gov = '11000';
        const year = 2026;
        const officials = await budgetOfficials(api, gov);
        await setUpStructure(officials, gov);
        const version = await openOriginalVersion(officials, gov, year);
        const csv = budgetCsv(LINES - 1, 1_000_000); // LINES lines: the 예비비 is the one beside them
        context.note(`one CSV of ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MiB`);

        let started = performance.now();
        const imported = await importCsv(officials, gov, year, version, csv);
        const importMs = performance.now() - started;
        if (imported !== LINES) throw new Error(`import answered ${imported} lines, expected ${LINES}`);
        context.figure({
          name: `import ${LINES.toLocaleString('en-US')} lines (one request)`,
          value: round(importMs / 1000, 2),
          unit: 's',
        });
        context.figure(versus({ name: 'import rate', value: round(perSecond(LINES, importMs)), unit: 'lines/s' }, baseline));

        started = performance.now();
        await finalise(officials, gov, year, version);
        const finaliseMs = performance.now() - started;
        context.figure({ name: 'workflow to final (control items for every line)', value: round(finaliseMs / 1000, 2), unit: 's' });
        context.figure(versus({ name: 'finalise rate', value: round(perSecond(LINES, finaliseMs)), unit: 'lines/s' }, baseline));
      } finally {
        await api.stop();
      }
    });
  },
};
