import { measureRawWriteCeiling } from '../harness/raw-write-ceiling.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { requireRoute } from '../harness/availability.ts';
import type { Section } from '../harness/section.ts';
import { round } from '../harness/stats.ts';

export const pipelineThroughput: Section = {
  id: '1',
  title: 'Posting pipeline throughput',
  budgetMs: { quick: 40_000, full: 240_000 },
  async run(context) {
    await withEmbeddedStack(async () => {
      const raw = await measureRawWriteCeiling(context.quick ? 20_000 : 100_000);
      context.figure({ name: 'raw BatchWriteItem ceiling (baseline)', value: round(raw.itemsPerSecond), unit: 'items/s' });
      requireRoute('createCommitment', 'execution, issue 5');
    });
  },
};
