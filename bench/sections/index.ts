import type { Section } from '../harness/section.ts';
import { bulkImport } from './bulk-import.ts';
import { coldStart } from './cold-start.ts';
import { pipelineThroughput } from './pipeline-throughput.ts';

/** In the order of the figures. */
export const allSections: readonly Section[] = [pipelineThroughput, coldStart, bulkImport];
