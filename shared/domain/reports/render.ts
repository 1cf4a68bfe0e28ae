import { createHash } from 'node:crypto';
import { archiveKey, MANIFEST_FILE } from '#shared/domain/reports/archive-keys.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { reportHtml } from '#shared/domain/reports/html.ts';
import { reportJson } from '#shared/domain/reports/json.ts';
import type { Report } from '#shared/domain/reports/report.ts';
import { workbookXlsx } from '#shared/domain/reports/xlsx.ts';

export interface ArchiveFile {
  readonly key: string;
  readonly file: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** Hex SHA-256 of bytes. */
  readonly sha256: string;
}

export interface ManifestEntry {
  readonly file: string;
  readonly key: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly report: string;
  readonly title: string;
  readonly gov: string;
  readonly year: number;
  readonly period: string;
  readonly files: readonly ManifestEntry[];
}

export interface RenderedReport {
  readonly files: readonly ArchiveFile[];
  readonly manifest: ArchiveFile;
  readonly manifestBody: Manifest;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const encoder = new TextEncoder();

/**
 * Every file of a report (JSON, one CSV per table, one XLSX workbook, a printable HTML page) and the manifest listing
 * their SHA-256. Same report in, same bytes out: nothing here depends on the clock.
 * Source: practice (the archive set the ministry reads; write-once by 지방회계법 records retention [U]).
 */
export function renderReport(report: Report): RenderedReport {
  const file = (name: string, contentType: string, bytes: Uint8Array): ArchiveFile => ({
    key: archiveKey(report.year, report.gov, report.report, report.period, name),
    file: name,
    contentType,
    bytes,
    sha256: sha256Hex(bytes),
  });
  const files = [
    file('report.json', 'application/json', encoder.encode(reportJson(report))),
    ...report.tables.map((t) => file(`${t.id}.csv`, 'text/csv; charset=utf-8', encoder.encode(tableCsv(t)))),
    file('report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', workbookXlsx(report)),
    file('report.html', 'text/html; charset=utf-8', encoder.encode(reportHtml(report))),
  ];
  const manifestBody: Manifest = {
    report: report.report,
    title: report.title,
    gov: report.gov,
    year: report.year,
    period: report.period,
    files: files.map((f) => ({ file: f.file, key: f.key, contentType: f.contentType, size: f.bytes.length, sha256: f.sha256 })),
  };
  const manifest = file(MANIFEST_FILE, 'application/json', encoder.encode(`${JSON.stringify(manifestBody, null, 2)}\n`));
  return { files, manifest, manifestBody };
}
