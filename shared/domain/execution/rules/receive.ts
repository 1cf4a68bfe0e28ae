import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { collectorSettled } from '#shared/domain/execution/rules/collector-receivables.ts';
import { lineJournal, overPayments } from '#shared/domain/execution/rules/journal.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 수납 (receipt; 지방회계법 「수납기관」): cash received against an assessment. Dr 현금 / Cr the
 * receivable the journal map names for the line up to what is outstanding; anything over it is an
 * over-payment the government owes back (과오납, 지방회계법 「과오납금의 반환」): Cr 과오납금 (2107),
 * remembered on the receipt. The inflow is classified by the line's row (제36조).
 */
export const receive: PostingRule<'receive'> = (message, command, state) => {
  const assessment = documentOf(message, state, command.assessmentId, 'assessment');
  if (isRefusal(assessment)) return assessment;
  const line = lineOf(message, state, String(assessment.attrs.lineId), 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const outstanding = Math.max(0, (assessment.counters.amount ?? 0) - (assessment.counters.received ?? 0));
  const overpaid = Math.max(0, amount - outstanding);
  const journal = lineJournal(line, 'collect', amount);
  if (isRefusal(journal)) return journal;
  const lines = journal.lines.flatMap((l) =>
    l.credit > 0
      ? [
          { ...l, credit: amount - overpaid },
          { account: overPayments, debit: 0, credit: overpaid },
        ]
      : [l],
  );
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { received: amount }),
      docEffect(assessment, { received: amount }),
      newDocument(message, 'receipt', { amount, overpaid }, { ...linkOf(line), assessmentId: command.assessmentId }),
      // the 징수관's 미수납 falls by what settled the receivable (an over-payment is no 수납 of it)
      ...collectorSettled(message, state, assessment, { received: amount - overpaid }),
    ],
    lines,
    journal.cash,
  );
};
