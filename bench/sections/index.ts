import type { Section } from '../harness/section.ts';
import { bulkImport } from './bulk-import.ts';
import { coldStart } from './cold-start.ts';
import { designLimit } from './design-limit.ts';
import { indicatorAverages } from './indicator-averages.ts';
import { noisyNeighbour } from './noisy-neighbour.ts';
import { peakDay } from './peak-day.ts';
import { pipelineThroughput } from './pipeline-throughput.ts';
import { readLatency } from './read-latency.ts';
import { settlementScale } from './settlement-scale.ts';
import { subsidyDuplicateCheck } from './subsidy-duplicate-check.ts';
import { writeCost } from './write-cost.ts';
import { yearEndRush } from './year-end-rush.ts';

/** In the order of the figures. */
export const allSections: readonly Section[] = [
  pipelineThroughput,
  writeCost,
  peakDay,
  readLatency,
  settlementScale,
  coldStart,
  bulkImport,
  noisyNeighbour,
  designLimit,
  yearEndRush,
  subsidyDuplicateCheck,
  indicatorAverages,
];
