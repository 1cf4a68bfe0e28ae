import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';
import type { Report } from '#shared/domain/reports/report.ts';

/**
 * The heading rows a printed report carries (government, report, period, 단위), in the forms
 * officials print: "2026회계연도", "2026년 1월", "2026. 1. 15.". Source: practice (결산서·일계표 양식).
 */
export interface ReportHeading {
  readonly title: string;
  readonly period: string;
  readonly unit: string;
}

const governments = governmentsFromCodeTable();
const nameOf = new Map(governments.map((g) => [g.code, g.nameKo]));
/** 시·군·구 are printed under their 시·도 ("서울특별시 종로구"): several share a name (중구, 동구 …). */
const governmentNames: ReadonlyMap<string, string> = new Map(
  governments.map((g) => [g.code, g.parentCode ? `${nameOf.get(g.parentCode) ?? ''} ${g.nameKo}`.trim() : g.nameKo]),
);

export function reportHeading(report: Report, tableTitle: string): ReportHeading {
  const government = governmentNames.get(report.gov) ?? report.gov;
  const sheet = tableTitle === report.title ? report.title : `${report.title} — ${tableTitle}`;
  return { title: `${government} ${report.year}회계연도 ${sheet}`, period: `기간: ${periodInWords(report.period)}`, unit: '(단위: 원)' };
}

/** A period id (yyyy, yyyy-mm, yyyy-mm-dd) in words; anything else is printed as it is. */
export function periodInWords(period: string): string {
  const [year, month, day] = period.split('-').map(Number);
  if (/^\d{4}$/.test(period)) return `${year}회계연도`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${year}년 ${month}월`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return `${year}. ${month}. ${day}.`;
  return period;
}
