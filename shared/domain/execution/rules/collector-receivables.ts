import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { collectorTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';

/**
 * The 미수납액 per 징수관 (issue #15: "미수납액 carried forward per 징수관"; the 징수관 decides and collects
 * the revenue of his office, 지방회계법 제21조, read): each 징수결정 records who made it (`collector`,
 * the official's id), and the year's 징수관 × line item counts what that 징수관 assessed, what was
 * received and written off against it in the year, and what 과년도 수입 and 불납결손 of later years
 * settled of it. The 세입결산 reads those items (one query per year, never the postings): the year's
 * 미수납액 by 징수관, and the opening receivables of the next year by 징수관 as they are settled.
 */

/** The effect of a 징수결정 on its 징수관's item: created at the first one on the line in the year. */
export function collectorAssessed(message: PostingMessage, state: WorkingState, line: ControlledItem, amount: number): Effect {
  const lineId = String(line.attrs.lineId);
  const target = collectorTarget(message.gov, message.year, lineId, message.actor.sub);
  const existing = state.item(target);
  return {
    target,
    kind: 'collector',
    deltas: { assessed: amount },
    ...(existing ? {} : { create: { lineId, collector: message.actor.sub, fund: String(line.attrs.fund) } }),
  };
}

/**
 * The effect of a receipt or write-off against `assessment` on its 징수관's item: none for an assessment
 * made before 징수관 were recorded on it (no item counts it).
 */
export function collectorSettled(
  message: PostingMessage,
  state: WorkingState,
  assessment: ControlledItem,
  deltas: Readonly<Record<string, number>>,
): Effect[] {
  const collector = assessment.attrs.collector;
  if (collector === undefined) return [];
  const target = collectorTarget(message.gov, Number(assessment.attrs.year), String(assessment.attrs.lineId), String(collector));
  if (!state.item(target)) return [];
  return [{ target, kind: 'collector', deltas }];
}
