import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal, overPayments } from '#shared/domain/execution/rules/journal.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 과오납 환급 (refund; 지방회계법 「과오납금의 반환」): within the receipt (`refund-within-receipt`).
 * Dr 예수금 for the over-payment still owed first, Dr the line's target (its revenue) for the rest /
 * Cr 현금: the reverse of a direct collection, on the same 현금흐름 line (netted there, practice [U]).
 */
export const refund: PostingRule<'refund'> = (message, command, state) => {
  const receipt = documentOf(message, state, command.receiptId, 'receipt');
  if (isRefusal(receipt)) return receipt;
  const line = lineOf(message, state, String(receipt.attrs.lineId), 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const fromOverpaid = Math.min(amount, Math.max(0, (receipt.counters.overpaid ?? 0) - (receipt.counters.refunded ?? 0)));
  const journal = lineJournal(line, 'collect-direct', amount);
  if (isRefusal(journal)) return journal;
  const lines = journal.lines
    .flatMap((l) =>
      l.credit > 0
        ? [
            { account: overPayments, debit: fromOverpaid, credit: 0 },
            { ...l, debit: amount - fromOverpaid, credit: 0 },
          ]
        : [{ ...l, debit: 0, credit: l.debit }],
    )
    .sort((a, b) => Number(a.credit > 0) - Number(b.credit > 0));
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { refunded: amount }), docEffect(receipt, { refunded: amount })],
    lines,
    journal.cash,
  );
};
