import economicRows from '#shared/data/economic-classification.json' with { type: 'json' };
import functionalRows from '#shared/data/functional-classification.json' with { type: 'json' };
import revenueRows from '#shared/data/revenue-categories.json' with { type: 'json' };

/**
 * The classification code tables (copied from the handout into shared/data) and the rules for
 * codes on budget lines: an unknown 분야/부문 is rejected; an unknown 편성목 is rejected (the 편성목 list
 * is complete as far as published budget books show it); the 통계목 list is partial, so an unknown
 * 통계목 of a known 편성목 is accepted.
 * Source: 지방재정법 제41조 (예산의 과목 구분) and the ministry's 「지방자치단체 예산편성 운영기준」 code tables.
 */
export interface FunctionalSector {
  readonly code: string;
  readonly nameKo: string;
}
export interface FunctionalField extends FunctionalSector {
  readonly sectors: readonly FunctionalSector[];
}
export interface EconomicCode {
  readonly code: string;
  readonly nameKo: string;
  readonly level: 'group' | 'item' | 'stat';
  readonly parentCode: string | null;
}
export interface RevenueCategory {
  readonly code: string;
  readonly nameKo: string;
  readonly note: string;
}

export const functionalFields: readonly FunctionalField[] = functionalRows
  .filter((row) => row.level === 'field')
  .map((field) => ({
    code: field.code,
    nameKo: field.name_ko,
    sectors: functionalRows.filter((row) => row.parent_code === field.code).map((row) => ({ code: row.code, nameKo: row.name_ko })),
  }));

export const economicCodes: readonly EconomicCode[] = economicRows.map((row) => ({
  code: row.code,
  nameKo: row.name_ko,
  level: row.level as EconomicCode['level'],
  parentCode: row.parent_code === '' ? null : row.parent_code,
}));

export const revenueCategories: readonly RevenueCategory[] = revenueRows.map((row) => ({
  code: row.code,
  nameKo: row.name_ko,
  note: row.note,
}));

const sectorToField = new Map(functionalFields.flatMap((field) => field.sectors.map((sector) => [sector.code, field.code] as const)));
const fieldNames = new Map(functionalFields.map((field) => [field.code, field.nameKo]));
const sectorNames = new Map(functionalFields.flatMap((field) => field.sectors.map((sector) => [sector.code, sector.nameKo] as const)));
const economicNames = new Map(economicCodes.map((code) => [code.code, code.nameKo]));
const revenueNames = new Map(revenueCategories.map((category) => [category.code, category.nameKo]));

/** 분야 of a 부문, or undefined when the 부문 is not in the table. */
export const fieldOfSector = (sector: string): string | undefined => sectorToField.get(sector);

export const STAT_ITEM_PATTERN = /^[1-8]\d{2}-\d{2}$/;

/** 편성목 of a 통계목: "201-01" → "201". */
export const itemOfStat = (statItem: string): string => statItem.slice(0, 3);

const economicItems = new Set(economicCodes.filter((code) => code.level === 'item').map((code) => code.code));

/** Whether the 편성목 of a 통계목 exists ("109-99" does not: there is no 편성목 109). */
export const isKnownEconomicItem = (statItem: string): boolean => economicItems.has(itemOfStat(statItem));

const statItems = new Set(economicCodes.filter((code) => code.level === 'stat').map((code) => code.code));

/** Whether a 통계목 is in the code table ("206-02" is not, though 206 is). */
export const isKnownStatItem = (statItem: string): boolean => statItems.has(statItem);

/** 성질 group of a 편성목 or 통계목: "201-01" → "200". */
export const economicGroupOf = (code: string): string => `${code.charAt(0)}00`;

export const isRevenueCategory = (code: string): boolean => revenueNames.has(code);

export const nameOfField = (code: string): string => fieldNames.get(code) ?? code;
export const nameOfSector = (code: string): string => sectorNames.get(code) ?? code;
/** Name of an economic code; codes missing from the partial table are shown by their code. */
export const nameOfEconomicCode = (code: string): string => economicNames.get(code) ?? code;
export const nameOfRevenueCategory = (code: string): string => revenueNames.get(code) ?? code;
