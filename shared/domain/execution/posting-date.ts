import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { closingPeriods } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Every posting, whatever its kind, is dated in its fiscal year (지방회계법 제6조: 1 January to
 * 31 December) and in no day, month or year settlement has closed (practice: closed books stay closed).
 */
export function postingDateRefusal(message: PostingMessage, state: WorkingState): Refusal | undefined {
  const { gov, year, command } = message;
  if (!command.date.startsWith(`${year}-`)) {
    return broken('wrong-year', `a posting of fiscal year ${year} cannot be dated ${command.date}`, { year, date: command.date });
  }
  const closed = closingPeriods(command.date).find((period) => state.isClosed(gov, year, period));
  if (closed)
    return broken('period-closed', `${closed} of ${year} is closed; nothing posts into it`, { year, period: closed, date: command.date });
  return undefined;
}
