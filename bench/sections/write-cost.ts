import { costPerMillionPostings, seoulPrices } from '../harness/prices.ts';
import type { PipelineRun } from '../harness/pipeline-run.ts';
import { goal } from '../harness/report.ts';
import type { Section } from '../harness/section.ts';
import { issue21Goals } from '../harness/issue-goals.ts';
import { round } from '../harness/stats.ts';
import { writeBreakdownFigures } from '../harness/write-breakdown.ts';
import { pipelineMeasurements } from './pipeline-measurements.ts';

/**
 * 2. Write cost per posting, from the requests of figure 1's runs: DynamoDB write units per
 * applied posting (as the engine reports them with ReturnConsumedCapacity; transactions double),
 * split into accepting (API) and applying (consumer), SQS requests and consumer invocations per
 * 1,000 postings, and USD per million postings at Seoul on-demand prices.
 */
export const writeCost: Section = {
  id: '2',
  title: 'Write cost per posting',
  // Quick: 420 s (was 60 s): at load average 13–15 section 1's runs and drains alone took over 240 s (issue #21).
  budgetMs: { quick: 420_000, full: 720_000 },
  // section 1's runs
  shareMs: 0,
  async run(context) {
    const m = await pipelineMeasurements(context);
    const runs = [
      ['pipeline, many lines', m.many],
      ['pipeline, hot line', m.hot],
      ['naive, many lines', m.naiveMany],
      ['naive, hot line', m.naiveHot],
    ] as const;
    for (const [label, run] of runs) {
      const per = (value: number) => (run.applied > 0 ? value / run.applied : Number.NaN);
      context.figure({
        name: `${label}: write units per applied posting (all)`,
        value: round(per(run.dynamo.total.writeUnits), 2),
        unit: 'WRU',
      });
      context.figure({ name: `${label}: … accepting (API)`, value: round(per(run.dynamo.api.writeUnits), 2), unit: 'WRU' });
      context.figure({ name: `${label}: … applying (consumer)`, value: round(per(run.dynamo.consumer.writeUnits), 2), unit: 'WRU' });
      context.figure({ name: `${label}: read units per applied posting`, value: round(per(run.dynamo.total.readUnits), 2), unit: 'RRU' });
      context.figure({ name: `${label}: SQS requests per 1,000 postings`, value: round(per(run.sqsRequests) * 1000), unit: '' });
      context.figure({ name: `${label}: consumer invocations per 1,000 postings`, value: round(per(run.poller.batches) * 1000), unit: '' });
      const cost = costPerMillionPostings({
        postings: run.applied,
        writeUnits: run.dynamo.total.writeUnits,
        readUnits: run.dynamo.total.readUnits,
        sqsRequests: run.sqsRequests,
        consumerInvocations: run.poller.batches,
      });
      context.figure({
        name: `${label}: USD per million postings`,
        value: round(cost.total, 2),
        unit: 'USD',
        note: `DynamoDB writes ${round(cost.dynamoWrites, 2)}, reads ${round(cost.dynamoReads, 2)}, SQS ${round(cost.sqs, 2)}, Lambda requests ${round(cost.lambdaRequests, 2)}`,
      });
    }
    writeBreakdownFigures(context, 'pipeline, many lines', m.many.dynamo, m.many.applied);
    const hotPerPosting = (writes: number, run: PipelineRun) => (run.applied > 0 ? (writes * 2) / run.applied : Number.NaN);
    const hotPipeline = hotPerPosting(m.hotItemWrites.pipeline, m.hot);
    context.figure({ name: 'pipeline, hot line: write units on the hot line item per posting', value: round(hotPipeline, 3), unit: 'WRU' });
    context.figure({
      name: 'naive, hot line: write units on the hot line item per posting',
      value: round(hotPerPosting(m.hotItemWrites.naive, m.naiveHot), 3),
      unit: 'WRU',
    });
    const manyTotal = m.many.applied > 0 ? m.many.dynamo.total.writeUnits / m.many.applied : Number.NaN;
    const manyConsumer = m.many.applied > 0 ? m.many.dynamo.consumer.writeUnits / m.many.applied : Number.NaN;
    context.goal(
      goal(
        '≤ 3 write units per applied posting on normal lines (API + consumer)',
        manyTotal,
        (v) => v <= 3,
        (v) => `${round(v, 2)} WRU (consumer alone ${round(manyConsumer, 2)})`,
      ),
    );
    context.goal(
      goal(
        issue21Goals.writeUnits.text,
        manyTotal,
        (v) => v <= 12,
        (v) => `${round(v, 2)} WRU (accepting ${round(v - manyConsumer, 2)}, applying ${round(manyConsumer, 2)})`,
      ),
    );
    context.goal(
      goal(
        '≤ 0.2 write units on the hot item per posting on a hot line',
        hotPipeline,
        (v) => v <= 0.2,
        (v) => `${round(v, 3)} WRU`,
      ),
    );
    context.note(
      `prices: ${seoulPrices.region} on-demand as written down on ${seoulPrices.recordedOn} (DynamoDB $${round(seoulPrices.dynamoWriteUnit * 1e6, 4)}/M WRU, $${round(seoulPrices.dynamoReadUnit * 1e6, 4)}/M RRU; SQS FIFO $${seoulPrices.sqsFifoRequest * 1e6}/M; Lambda $${seoulPrices.lambdaRequest * 1e6}/M requests; duration and API Gateway not priced) — check them before quoting`,
    );
    context.note(
      'hot item units assume the line item is under 1 KB (transactional write = 2 units); index writes of single-item writes are added by the bench because dynalite does not charge them',
    );
  },
};
