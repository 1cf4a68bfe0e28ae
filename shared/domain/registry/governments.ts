import rows from '#shared/data/local-governments.json' with { type: 'json' };
import type { Government } from '#shared/schemas/registry.ts';

/** The 243 governments of the code table, as registry records. */
export const governmentsFromCodeTable = (): Government[] =>
  rows.map((row) => ({
    code: row.code,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    level: row.level as Government['level'],
    parentCode: row.parent_code === '' ? null : row.parent_code,
    type: row.type,
  }));

/** 시·도 (metropolitan) or 시·군·구 (basic): the statutory budget deadlines differ. */
export const isMetropolitan = (government: Pick<Government, 'level'>): boolean => government.level === 'metropolitan';
