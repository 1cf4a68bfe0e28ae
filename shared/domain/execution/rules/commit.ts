import { applied, lineEffect, newCommitment } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import { carriedCommitmentRefusal } from '#shared/domain/execution/rules/carried-line.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 지출원인행위 (commitment; 지방회계법 「지출원인행위」): reserves the amount on an expenditure line,
 * within its allotment (the line's `committed-within-allotment`, items.ts). No journal line: an
 * encumbrance is budgetary, not yet a liability (practice). A line the books could not journal at
 * its resolution is refused now, before anything is reserved: 801 예비비 above all, which is never
 * executed as such (지방재정법 제43조: it is moved to the 목 that is spent; `reserve-fund-not-executable`).
 */
export const commit: PostingRule<'commit'> = (message, command, state) => {
  const line = lineOf(message, state, command.lineId, 'expenditure');
  if (isRefusal(line)) return line;
  const carriedOnly = carriedCommitmentRefusal({ lineId: command.lineId, carryKind: line.attrs.carryKind as string | undefined });
  if (carriedOnly) return carriedOnly;
  const amount = command.amount;
  const journal = lineJournal(line, 'resolve', amount);
  if (isRefusal(journal)) return journal;
  const commitment = newCommitment(message, line, amount, {
    // 회계령 제2조제2항: the year the payments belong to, checked again at the 지급명령 (order-checks.ts).
    ...(command.attribution ? { attribution: command.attribution.category } : {}),
    ...(command.attribution?.date ? { attributionDate: command.attribution.date } : {}),
  });
  return applied(line, command.date, amount, [lineEffect(line, { committed: amount }), commitment], []);
};
