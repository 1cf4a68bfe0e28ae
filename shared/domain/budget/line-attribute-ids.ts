/**
 * The API's ids for the accounting attributes of a budget line (line-accounting.ts maps them to the
 * accounting module's vocabulary). Kept apart from that mapping so that the schemas, and so every
 * handler bundle that validates a budget body, do not carry the chart of accounts and the journal
 * map (issue #21: bundle size).
 */
export const structureTypes = ['program', 'administrative', 'financial'] as const;
export const assetClassIds = ['general', 'resident-facility', 'infrastructure'] as const;
export const debtInstruments = ['bond', 'borrowing'] as const;
