import type { BenchReport, GoalVerdict } from './report.ts';

/**
 * The goals of issue #21, one verdict line each in every run that includes their section: the
 * sections print them with these texts (a suffix may follow), and the table adds a `not measured`
 * line for a goal whose section ran but printed no verdict (it failed or overran its allowance),
 * so the lead's full run shows every goal. `section` empty: judged from the run itself.
 */
export const issue21Goals = {
  acceptRatio: { section: '9', text: 'issue #21: accept rate ≥ 0.7× the minimal accept baseline' },
  endToEnd: { section: '9', text: 'issue #21: end to end ≥ 1,000 applied postings/s with zero loss' },
  latencyAtHalf: { section: '9', text: 'issue #21: accept→applied p99 ≤ 1 s at 50% of the measured maximum' },
  writeUnits: { section: '2', text: 'issue #21: ≤ 12 write units per applied posting on normal lines (API + consumer)' },
  rushLoss: { section: '10', text: 'issue #21: year-end rush: zero loss' },
  rushRate: { section: '10', text: 'issue #21: year-end rush: 10× the real peak rate reached (≥ 95% of it accepted)' },
  rushPartition: { section: '10', text: 'issue #21: year-end rush: hottest partition under 1,000 WCU/s at the asked rate' },
  peakDay: { section: '3', text: 'issue #21: the peak day (660,000 operations) under 10 minutes' },
  reads: { section: '4', text: 'issue #21: line status and fund status p99 < 50 ms at 50 clients' },
  fullRun: { section: '', text: 'issue #21: the full run under 20 minutes' },
} as const;

/** FULL_RUN_LIMIT_MS: the issue's "the full run stays under 20 minutes". */
const FULL_RUN_LIMIT_MS = 20 * 60 * 1000;

/** The verdicts of the run itself and of goals whose section ran without printing one. */
export function runVerdicts(report: BenchReport): GoalVerdict[] {
  const printed = report.sections.flatMap((section) => section.goals.map((verdict) => verdict.goal));
  const ran = new Map(report.sections.map((section) => [section.id, section]));
  const missing = Object.values(issue21Goals).flatMap((expected): GoalVerdict[] => {
    const section = ran.get(expected.section);
    if (!section || printed.some((text) => text.startsWith(expected.text))) return [];
    return [{ goal: expected.text, measured: `not measured (section ${section.id}: ${section.status})`, met: null }];
  });
  const everySection = report.sections.length > 0 && Object.values(issue21Goals).every((g) => !g.section || ran.has(g.section));
  const minutes = report.durationMs / 60_000;
  const fullRun: GoalVerdict =
    report.mode === 'full' && everySection
      ? { goal: issue21Goals.fullRun.text, measured: `${minutes.toFixed(1)} min`, met: report.durationMs < FULL_RUN_LIMIT_MS }
      : { goal: issue21Goals.fullRun.text, measured: `not measured (a ${report.mode} run of some sections)`, met: null };
  return [...missing, fullRun];
}
