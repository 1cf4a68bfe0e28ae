import { attributionRefusal } from '#shared/domain/fiscal-calendar/attribution.ts';
import { periodForClient, periodInWords } from '#shared/domain/fiscal-calendar/period-words.ts';
import { postingWindowRefusal } from '#shared/domain/fiscal-calendar/posting-window.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { closingPeriods } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Every posting, whatever its kind, is dated within the windows of its fiscal year (the
 * fiscal-calendar rules: 지방회계법 제6조, 제7조; 회계령 제3조, 제34조), judged at `now`, the
 * instant it was accepted; a 징수결정 or 지출원인행위 belongs to its year by its attribution
 * category (회계령 제2조); and nothing posts into a day, month or year settlement has closed
 * (practice: closed books stay closed).
 */
export function postingDateRefusal(message: PostingMessage, state: WorkingState, now: Date): Refusal | undefined {
  const { gov, year, command } = message;
  const exceptionCode = 'exceptionCode' in command ? command.exceptionCode : undefined;
  const misdated = postingWindowRefusal({ year, kind: command.kind, date: command.date, exceptionCode }, now);
  if (misdated) return misdated;
  if (command.kind === 'assess' || command.kind === 'commit') {
    const misattributed = attributionRefusal(year, command);
    if (misattributed) return misattributed;
  }
  const closed = closingPeriods(command.date).find((period) => state.isClosed(gov, year, period));
  if (closed)
    return broken('period-closed', `${periodInWords(closed, year)} is closed; nothing posts into it`, {
      year,
      ...periodForClient(closed, year),
      date: command.date,
    });
  return undefined;
}

/** The instant a posting was accepted: the "now" its date windows are judged at, by the API and the consumer alike. */
export const acceptedAt = (message: PostingMessage): Date => new Date(message.actor.receivedAt);
