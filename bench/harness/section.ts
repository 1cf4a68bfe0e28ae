import type { Figure, GoalVerdict, SectionReport } from './report.ts';

/** A section cannot run yet because what it measures has not landed; reported, never a crash. */
export class NotAvailable extends Error {
  override readonly name = 'NotAvailable';
}

export interface SectionContext {
  readonly quick: boolean;
  /** Progress line on stderr (stdout carries the table). */
  log(message: string): void;
  /** Recorded as soon as measured, so a section that fails later keeps what it measured. */
  figure(figure: Figure): void;
  goal(verdict: GoalVerdict): void;
  note(text: string): void;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** Wall-clock allowance; past it the section is recorded as failed and the run carries on. */
  readonly budgetMs: { readonly quick: number; readonly full: number };
  /**
   * Its share of a full run on the idle 2-core machine (issue #21: the full run under 20 minutes;
   * the twelve shares add up to about 18.5 minutes): printed beside its wall time, so a run shows where the
   * minutes go. Not a limit (budgetMs is).
   */
  readonly shareMs?: number;
  run(context: SectionContext): Promise<void>;
}

export interface RunOptions {
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

/** Runs one section, turning every outcome (success, missing dependency, error, overrun) into a report. */
export async function runSection(section: Section, options: RunOptions): Promise<SectionReport> {
  const figures: Figure[] = [];
  const goals: GoalVerdict[] = [];
  const notes: string[] = [];
  const context: SectionContext = {
    quick: options.quick,
    log: (message) => options.log(`[${section.id}] ${message}`),
    figure: (figure) => void figures.push(figure),
    goal: (verdict) => void goals.push(verdict),
    note: (text) => void notes.push(text),
  };
  // BENCH_ALLOWANCE_FACTOR=3 stretches every allowance on a machine shared under heavy load (issue #21:
  // section 2 needs ~7 min at load average 20); the figures stay ratios within the run.
  const budgetMs = (options.quick ? section.budgetMs.quick : section.budgetMs.full) * allowanceFactor();
  const started = performance.now();
  const report = (status: SectionReport['status'], error?: string): SectionReport => ({
    id: section.id,
    title: section.title,
    status,
    durationMs: Math.round(performance.now() - started),
    ...(options.quick || section.shareMs === undefined ? {} : { shareMs: section.shareMs }),
    figures: [...figures],
    goals: [...goals],
    notes: [...notes],
    ...(error === undefined ? {} : { error }),
  });
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within its ${Math.round(budgetMs / 1000)} s allowance`)), budgetMs);
  });
  try {
    await Promise.race([section.run(context), overrun]);
    return report('ok');
  } catch (error) {
    if (error instanceof NotAvailable) return report('not-available', `not available: ${error.message}`);
    return report('failed', describe(error));
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  // fetch's "fetch failed" says why only in its cause (ECONNRESET, EMFILE, …).
  if (error instanceof Error)
    return `${error.name}: ${error.message}${error.cause === undefined ? '' : ` (cause: ${describe(error.cause)})`}`;
  return String(error);
}

function allowanceFactor(): number {
  const factor = Number(process.env.BENCH_ALLOWANCE_FACTOR ?? 1);
  return Number.isFinite(factor) && factor >= 1 ? factor : 1;
}
