import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchReport } from './report.ts';

/** JSON of a report: bigint as decimal strings, non-finite numbers as null, so it always parses. */
export function reportJson(report: BenchReport): string {
  return `${JSON.stringify(report, jsonValue, 2)}\n`;
}

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeReport(path: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, reportJson(report), 'utf8');
  await rename(temporary, path);
}
