import { runVerdicts } from './issue-goals.ts';
import { overranShare } from './report.ts';
import type { BenchReport, Figure, GoalVerdict, SectionReport } from './report.ts';

/**
 * The printed table, in Markdown so that the same text reads in a terminal and in bench/README.md.
 * One table of figures (with baseline and ratio), then one line per goal.
 */
export function renderReport(report: BenchReport): string {
  const lines = [
    `Mode: ${report.mode} · started ${report.startedAt} · ${formatSeconds(report.durationMs)} in all`,
    '',
    '| Section | Figure | Value | Baseline (same run) | Ratio |',
    '|---|---|---:|---|---:|',
    ...report.sections.flatMap(figureRows),
    '',
    '| Goal | Measured | Verdict |',
    '|---|---|---|',
    ...report.sections.flatMap((section) => section.goals.map(goalRow)),
    ...runVerdicts(report).map(goalRow),
    '',
    ...timeRows(report),
  ];
  const notes = report.sections.flatMap((section) => section.notes.map((note) => `- ${section.id}: ${cell(note)}`));
  if (notes.length > 0) lines.push('', 'Notes:', ...notes);
  return `${lines.join('\n')}\n`;
}

function figureRows(section: SectionReport): string[] {
  const title = cell(`${section.id}. ${section.title}`);
  const status = section.status === 'ok' ? [] : [row([title, section.status, cell(section.error ?? ''), '', ''])];
  const figures = section.figures.map((figure) =>
    row([title, cell(figure.name), formatValue(figure), formatBaseline(figure), formatRatio(figure)]),
  );
  return [...status, ...figures];
}

/** Where the run's time went: each section's wall time beside its share of the idle full run. */
function timeRows(report: BenchReport): string[] {
  const shares = report.sections.map((section) => section.shareMs ?? 0);
  const shared = report.sections.some((section) => section.shareMs !== undefined);
  const header = shared
    ? ['| Section | Status | Wall time | Share (idle full run) |', '|---|---|---:|---:|']
    : ['| Section | Status | Wall time |', '|---|---|---:|'];
  const rows = report.sections.map((section) => {
    const cells = [cell(`${section.id}. ${section.title}`), section.status, formatSeconds(section.durationMs)];
    if (shared)
      cells.push(section.shareMs === undefined ? '' : `${formatSeconds(section.shareMs)}${overranShare(section) ? ' (over)' : ''}`);
    return row(cells);
  });
  const total = ['all', '', formatSeconds(report.sections.reduce((sum, section) => sum + section.durationMs, 0))];
  if (shared) total.push(formatSeconds(shares.reduce((sum, share) => sum + share, 0)));
  return [...header, ...rows, row(total)];
}

const goalRow = (verdict: GoalVerdict): string =>
  row([cell(verdict.goal), cell(verdict.measured), verdict.met === null ? 'not measured' : verdict.met ? 'met' : 'NOT met']);

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** Table cells cannot hold pipes or line breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function formatValue(figure: Figure): string {
  if (figure.value === null || (typeof figure.value === 'number' && !Number.isFinite(figure.value))) return 'n/a';
  const value =
    typeof figure.value === 'string'
      ? cell(figure.value)
      : typeof figure.value === 'bigint'
        ? figure.value.toLocaleString('en-US')
        : formatNumber(figure.value);
  const unit = figure.unit === '' ? '' : ` ${figure.unit}`;
  return figure.note ? `${value}${unit} (${cell(figure.note)})` : `${value}${unit}`;
}

function formatBaseline(figure: Figure): string {
  if (!figure.baseline) return '';
  return `${cell(figure.baseline.name)}: ${formatNumber(figure.baseline.value)} ${figure.baseline.unit}`;
}

const formatRatio = (figure: Figure): string => (figure.ratio === undefined ? '' : `${formatNumber(figure.ratio)}×`);

const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
