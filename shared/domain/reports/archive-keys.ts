import type { ReportId } from '#shared/domain/reports/report.ts';

/**
 * Archive object keys are predictable: {year}/{government}/{report}/{period}/{file}.
 * A rerun of a closing computes the same keys, which is what makes it idempotent.
 */
export const archivePrefix = (year: number, gov: string, report: ReportId, period: string): string => `${year}/${gov}/${report}/${period}/`;
export const archiveKey = (year: number, gov: string, report: ReportId, period: string, file: string): string =>
  `${archivePrefix(year, gov, report, period)}${file}`;
export const MANIFEST_FILE = 'manifest.json';

const KEY = /^(\d{4})\/(\d{5})\/([a-z-]+)\/([0-9-]+)\/([A-Za-z0-9._-]+)$/;

export interface ParsedArchiveKey {
  readonly year: number;
  readonly gov: string;
  readonly report: string;
  readonly period: string;
  readonly file: string;
}

export function parseArchiveKey(key: string): ParsedArchiveKey | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  return { year: Number(m[1]), gov: m[2] as string, report: m[3] as string, period: m[4] as string, file: m[5] as string };
}
