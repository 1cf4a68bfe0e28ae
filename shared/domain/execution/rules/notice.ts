import { applied, docEffect } from '#shared/domain/execution/rules/effects.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 고지 (notice to the payer; 지방회계법 「세입의 징수와 수납」: 납입고지): counts the notices of an
 * assessment. Moves no money and no journal line.
 * Source: 지방회계법 시행령 §19 (the 납입고지 follows its 징수결정; the 15-day limit of ② is not enforced here).
 */
export const notice: PostingRule<'notice'> = (message, command, state) => {
  const assessment = documentOf(message, state, command.assessmentId, 'assessment');
  if (isRefusal(assessment)) return assessment;
  const line = lineOf(message, state, String(assessment.attrs.lineId), 'revenue');
  if (isRefusal(line)) return line;
  return applied(line, command.date, 0, [docEffect(assessment, { notices: 1 })], []);
};
