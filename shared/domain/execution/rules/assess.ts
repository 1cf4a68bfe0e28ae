import { applied, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { collectorAssessed } from '#shared/domain/execution/rules/collector-receivables.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 징수결정 (assessment; 지방회계법 「세입의 징수와 수납」): the government acquires a receivable on a
 * revenue line. Dr the receivable / Cr the target of the line's 세입 code in the journal map: a
 * revenue (제28조①, 제30조), 지방채 as a liability (제23조), 융자금 회수 against 장기융자금 (제16조),
 * 전입금 as an internal transfer (제9조); 잉여금 and 이월금 are no revenue (no line, 제27조①).
 * The assessment records its 징수관 (제21조), whose receivables on the line it raises (collector-receivables.ts).
 */
export const assess: PostingRule<'assess'> = (message, command, state) => {
  const line = lineOf(message, state, command.lineId, 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const journal = lineJournal(line, 'assess', amount);
  if (isRefusal(journal)) return journal;
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { assessed: amount }),
      newDocument(message, 'assessment', { amount }, { ...linkOf(line), collector: message.actor.sub }),
      collectorAssessed(message, state, line, amount),
    ],
    journal.lines,
  );
};
