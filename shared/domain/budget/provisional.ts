import { koreanDate } from '#shared/domain/budget/deadlines.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { BudgetLine, ExpenditureLine } from '#shared/schemas/budget.ts';

/**
 * Provisional budget (준예산, 지방자치법 §146): when no budget of the year is final on 1 January,
 * the government may spend on mandatory items only. Our rule, kept simple: the provisional budget
 * holds the expenditure lines of the previous year's last final version that are flagged
 * `mandatory`, each with that version's amount as its budget. Only those lines get control items,
 * so execution finds nothing else. When the year's 본예산 becomes final, its amounts replace them
 * (what was executed under the provisional budget counts against the final budget).
 */
/** Whether a provisional budget may be opened now; the refusal says why not. */
export function provisionalRefusal(
  year: number,
  instant: string,
  state: { readonly finalVersion: number | undefined; readonly provisional: boolean },
): Refusal | undefined {
  const today = koreanDate(instant);
  if (today < `${year}-01-01`) {
    return refusal('conflict', 'not-yet-open', `a provisional ${year} budget may be opened from ${year}-01-01 only (today is ${today})`);
  }
  if (state.finalVersion !== undefined) {
    return refusal(
      'conflict',
      'budget-already-final',
      `version ${state.finalVersion} of the ${year} budget is final; no provisional budget is needed`,
    );
  }
  if (state.provisional) return refusal('conflict', 'provisional-already-open', `the provisional ${year} budget is already open`);
  return undefined;
}

export const provisionalLines = (previousFinal: Iterable<BudgetLine>): ExpenditureLine[] =>
  [...previousFinal].filter((line): line is ExpenditureLine => line.kind === 'expenditure' && line.mandatory);
