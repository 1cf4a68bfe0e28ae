/**
 * The API's ids for the accounting attributes of a budget line (line-accounting.ts maps them to the
 * accounting module's vocabulary). Kept apart from that mapping so that the schemas, and so every
 * handler bundle that validates a budget body, do not carry the chart of accounts and the journal
 * map (issue #21: bundle size).
 * Source: 「지방자치단체 회계기준에 관한 규칙」 — the categories line-accounting.ts maps these ids to:
 * 정책사업 / 행정운영경비 / 재무활동 (the 재정운영표's 사업 구분), 일반유형자산 / 주민편의시설 /
 * 사회기반시설 (유형자산), 지방채증권 / 장기차입금 (장기차입부채).
 */
export const structureTypes = ['program', 'administrative', 'financial'] as const;
export const assetClassIds = ['general', 'resident-facility', 'infrastructure'] as const;
export const debtInstruments = ['bond', 'borrowing'] as const;
