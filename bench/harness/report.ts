/**
 * The shape of a bench run, as printed and as written to bench/results/latest.json.
 * Figures that depend on machine speed carry the baseline measured in the same run and the ratio.
 */
export type SectionStatus = 'ok' | 'failed' | 'not-available';

export interface Baseline {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface Figure {
  readonly name: string;
  /** null when the figure could not be measured (the section's error or notes say why); bigint for exact won totals. */
  readonly value: number | bigint | string | null;
  readonly unit: string;
  readonly baseline?: Baseline;
  /** value / baseline.value */
  readonly ratio?: number;
  readonly note?: string;
}

export interface GoalVerdict {
  readonly goal: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

export interface SectionReport {
  readonly id: string;
  readonly title: string;
  readonly status: SectionStatus;
  readonly durationMs: number;
  /** Its share of a full run on the idle 2-core machine (full runs only; see Section.shareMs). */
  readonly shareMs?: number;
  readonly figures: readonly Figure[];
  readonly goals: readonly GoalVerdict[];
  readonly notes: readonly string[];
  /** Why the section failed or is not available. */
  readonly error?: string;
}

/**
 * Whether a section took longer than its share of the idle full run. A share of 0 is a section that only
 * reads another's runs (section 2): it has no time of its own to overrun.
 */
export const overranShare = (section: SectionReport): boolean =>
  section.shareMs !== undefined && section.shareMs > 0 && section.durationMs > section.shareMs;

export interface MachineDescription {
  readonly cpuModel: string;
  readonly nproc: number;
  readonly memory: string;
  readonly node: string;
  readonly platform: string;
  /** 1/5/15-minute load average when the run started: other work on the machine skews every figure. */
  readonly loadAverage?: string;
}

export interface BenchReport {
  readonly schema: 'hojo-bench/1';
  readonly mode: 'quick' | 'full';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly machine: MachineDescription;
  readonly sections: readonly SectionReport[];
}

/** A figure measured against a same-run baseline; the ratio is omitted when the baseline is zero. */
export function versus(figure: { name: string; value: number; unit: string; note?: string }, baseline: Baseline): Figure {
  return baseline.value > 0 ? { ...figure, baseline, ratio: figure.value / baseline.value } : { ...figure, baseline };
}

/** A goal of the issue: met when the check holds; null when the measurement is missing. */
export function goal(
  text: string,
  measured: number | undefined,
  check: (value: number) => boolean,
  format: (value: number) => string,
): GoalVerdict {
  if (measured === undefined || !Number.isFinite(measured)) return { goal: text, measured: 'not measured', met: null };
  return { goal: text, measured: format(measured), met: check(measured) };
}
